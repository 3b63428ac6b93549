/**
 * Reference data describing a published compliance framework: who publishes it, which version
 * Rampart ships, and the requirements an assessment scores against.
 *
 * Built-in definitions live in `./builtin/`. Requirement ids are the framework's own ids, copied
 * exactly; titles are short paraphrases written for Rampart, not the publisher's full text.
 */
export interface FrameworkRequirementDefinition {
  /** The framework's own id, exactly as published: "1.1", "PR.AA-03", "164.308(a)(5)(ii)(B)", "ISM-1490". */
  ref: string;
  title: string;
  /** Group heading the requirement sits under (CIS control, CSF category, E8 strategy, ...). */
  group: string;
}

export interface FrameworkDefinition {
  /** Stable slug, e.g. "cis-v8-ig1". */
  key: string;
  name: string;
  version: string;
  publisher: string;
  url: string;
  description: string;
  requirements: readonly FrameworkRequirementDefinition[];
}
