import type { FrameworkDefinition } from '../framework-definition.js';

/**
 * HIPAA Security Rule, 45 CFR Part 164 Subpart C: every standard and implementation specification in
 * §164.308 (administrative), §164.310 (physical) and §164.312 (technical safeguards), plus §164.314
 * (organizational requirements) and §164.316 (policies, procedures and documentation).
 *
 * Refs are the regulation paragraphs, without "45 CFR" or "§": a standard's ref is the paragraph that
 * states it ("164.308(a)(1)(i)", "164.310(b)"), an implementation specification's ref is its own
 * paragraph ("164.308(a)(1)(ii)(A)"). Titles carry the regulation's names, suffixed "(Standard)",
 * "(Required)" or "(Addressable)" as the rule marks them. Groups are the standards, so each
 * implementation specification sits with the standard it implements. §164.314(b)(2) is a single
 * required implementation specification whose items (i)-(iv) are contents of the plan documents, so it
 * is one requirement. Text as amended in 2013 (Omnibus Rule; e.g. §164.308(b)(3) and
 * §164.314(a)(2)(iii)); checked against the eCFR text mirrored by Cornell LII and the GPO.
 */
const SECURITY_MANAGEMENT = 'Security management process (164.308(a)(1))';
const SECURITY_RESPONSIBILITY = 'Assigned security responsibility (164.308(a)(2))';
const WORKFORCE_SECURITY = 'Workforce security (164.308(a)(3))';
const ACCESS_MANAGEMENT = 'Information access management (164.308(a)(4))';
const AWARENESS_TRAINING = 'Security awareness and training (164.308(a)(5))';
const INCIDENT_PROCEDURES = 'Security incident procedures (164.308(a)(6))';
const CONTINGENCY_PLAN = 'Contingency plan (164.308(a)(7))';
const EVALUATION = 'Evaluation (164.308(a)(8))';
const BA_CONTRACTS = 'Business associate contracts and other arrangements (164.308(b))';
const FACILITY_ACCESS = 'Facility access controls (164.310(a))';
const WORKSTATION_USE = 'Workstation use (164.310(b))';
const WORKSTATION_SECURITY = 'Workstation security (164.310(c))';
const DEVICE_MEDIA = 'Device and media controls (164.310(d))';
const ACCESS_CONTROL = 'Access control (164.312(a))';
const AUDIT_CONTROLS = 'Audit controls (164.312(b))';
const INTEGRITY = 'Integrity (164.312(c))';
const AUTHENTICATION = 'Person or entity authentication (164.312(d))';
const TRANSMISSION = 'Transmission security (164.312(e))';
const BA_REQUIREMENTS = 'Business associate contracts or other arrangements (164.314(a))';
const GROUP_HEALTH_PLANS = 'Requirements for group health plans (164.314(b))';
const POLICIES = 'Policies and procedures (164.316(a))';
const DOCUMENTATION = 'Documentation (164.316(b))';

export const hipaaSecurity: FrameworkDefinition = {
  key: 'hipaa-security',
  name: 'HIPAA Security Rule',
  version: '45 CFR Part 164 Subpart C (as amended 2013)',
  publisher: 'U.S. Department of Health and Human Services (HHS)',
  url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C',
  description:
    'Security standards for electronic protected health information: administrative, physical and technical ' +
    'safeguards, business associate and group health plan requirements, and documentation duties for covered ' +
    'entities and business associates.',
  requirements: [
    // §164.308 Administrative safeguards
    { ref: '164.308(a)(1)(i)', title: 'Security management process (Standard)', group: SECURITY_MANAGEMENT },
    { ref: '164.308(a)(1)(ii)(A)', title: 'Risk analysis (Required)', group: SECURITY_MANAGEMENT },
    { ref: '164.308(a)(1)(ii)(B)', title: 'Risk management (Required)', group: SECURITY_MANAGEMENT },
    { ref: '164.308(a)(1)(ii)(C)', title: 'Sanction policy (Required)', group: SECURITY_MANAGEMENT },
    { ref: '164.308(a)(1)(ii)(D)', title: 'Information system activity review (Required)', group: SECURITY_MANAGEMENT },

    { ref: '164.308(a)(2)', title: 'Assigned security responsibility (Standard)', group: SECURITY_RESPONSIBILITY },

    { ref: '164.308(a)(3)(i)', title: 'Workforce security (Standard)', group: WORKFORCE_SECURITY },
    { ref: '164.308(a)(3)(ii)(A)', title: 'Authorization and/or supervision (Addressable)', group: WORKFORCE_SECURITY },
    { ref: '164.308(a)(3)(ii)(B)', title: 'Workforce clearance procedure (Addressable)', group: WORKFORCE_SECURITY },
    { ref: '164.308(a)(3)(ii)(C)', title: 'Termination procedures (Addressable)', group: WORKFORCE_SECURITY },

    { ref: '164.308(a)(4)(i)', title: 'Information access management (Standard)', group: ACCESS_MANAGEMENT },
    {
      ref: '164.308(a)(4)(ii)(A)',
      title: 'Isolating health care clearinghouse functions (Required)',
      group: ACCESS_MANAGEMENT,
    },
    { ref: '164.308(a)(4)(ii)(B)', title: 'Access authorization (Addressable)', group: ACCESS_MANAGEMENT },
    { ref: '164.308(a)(4)(ii)(C)', title: 'Access establishment and modification (Addressable)', group: ACCESS_MANAGEMENT },

    { ref: '164.308(a)(5)(i)', title: 'Security awareness and training (Standard)', group: AWARENESS_TRAINING },
    { ref: '164.308(a)(5)(ii)(A)', title: 'Security reminders (Addressable)', group: AWARENESS_TRAINING },
    { ref: '164.308(a)(5)(ii)(B)', title: 'Protection from malicious software (Addressable)', group: AWARENESS_TRAINING },
    { ref: '164.308(a)(5)(ii)(C)', title: 'Log-in monitoring (Addressable)', group: AWARENESS_TRAINING },
    { ref: '164.308(a)(5)(ii)(D)', title: 'Password management (Addressable)', group: AWARENESS_TRAINING },

    { ref: '164.308(a)(6)(i)', title: 'Security incident procedures (Standard)', group: INCIDENT_PROCEDURES },
    { ref: '164.308(a)(6)(ii)', title: 'Response and reporting (Required)', group: INCIDENT_PROCEDURES },

    { ref: '164.308(a)(7)(i)', title: 'Contingency plan (Standard)', group: CONTINGENCY_PLAN },
    { ref: '164.308(a)(7)(ii)(A)', title: 'Data backup plan (Required)', group: CONTINGENCY_PLAN },
    { ref: '164.308(a)(7)(ii)(B)', title: 'Disaster recovery plan (Required)', group: CONTINGENCY_PLAN },
    { ref: '164.308(a)(7)(ii)(C)', title: 'Emergency mode operation plan (Required)', group: CONTINGENCY_PLAN },
    { ref: '164.308(a)(7)(ii)(D)', title: 'Testing and revision procedures (Addressable)', group: CONTINGENCY_PLAN },
    { ref: '164.308(a)(7)(ii)(E)', title: 'Applications and data criticality analysis (Addressable)', group: CONTINGENCY_PLAN },

    { ref: '164.308(a)(8)', title: 'Evaluation (Standard)', group: EVALUATION },

    { ref: '164.308(b)(1)', title: 'Business associate contracts and other arrangements (Standard)', group: BA_CONTRACTS },
    { ref: '164.308(b)(3)', title: 'Written contract or other arrangement (Required)', group: BA_CONTRACTS },

    // §164.310 Physical safeguards
    { ref: '164.310(a)(1)', title: 'Facility access controls (Standard)', group: FACILITY_ACCESS },
    { ref: '164.310(a)(2)(i)', title: 'Contingency operations (Addressable)', group: FACILITY_ACCESS },
    { ref: '164.310(a)(2)(ii)', title: 'Facility security plan (Addressable)', group: FACILITY_ACCESS },
    { ref: '164.310(a)(2)(iii)', title: 'Access control and validation procedures (Addressable)', group: FACILITY_ACCESS },
    { ref: '164.310(a)(2)(iv)', title: 'Maintenance records (Addressable)', group: FACILITY_ACCESS },

    { ref: '164.310(b)', title: 'Workstation use (Standard)', group: WORKSTATION_USE },

    { ref: '164.310(c)', title: 'Workstation security (Standard)', group: WORKSTATION_SECURITY },

    { ref: '164.310(d)(1)', title: 'Device and media controls (Standard)', group: DEVICE_MEDIA },
    { ref: '164.310(d)(2)(i)', title: 'Disposal (Required)', group: DEVICE_MEDIA },
    { ref: '164.310(d)(2)(ii)', title: 'Media re-use (Required)', group: DEVICE_MEDIA },
    { ref: '164.310(d)(2)(iii)', title: 'Accountability (Addressable)', group: DEVICE_MEDIA },
    { ref: '164.310(d)(2)(iv)', title: 'Data backup and storage (Addressable)', group: DEVICE_MEDIA },

    // §164.312 Technical safeguards
    { ref: '164.312(a)(1)', title: 'Access control (Standard)', group: ACCESS_CONTROL },
    { ref: '164.312(a)(2)(i)', title: 'Unique user identification (Required)', group: ACCESS_CONTROL },
    { ref: '164.312(a)(2)(ii)', title: 'Emergency access procedure (Required)', group: ACCESS_CONTROL },
    { ref: '164.312(a)(2)(iii)', title: 'Automatic logoff (Addressable)', group: ACCESS_CONTROL },
    { ref: '164.312(a)(2)(iv)', title: 'Encryption and decryption (Addressable)', group: ACCESS_CONTROL },

    { ref: '164.312(b)', title: 'Audit controls (Standard)', group: AUDIT_CONTROLS },

    { ref: '164.312(c)(1)', title: 'Integrity (Standard)', group: INTEGRITY },
    {
      ref: '164.312(c)(2)',
      title: 'Mechanism to authenticate electronic protected health information (Addressable)',
      group: INTEGRITY,
    },

    { ref: '164.312(d)', title: 'Person or entity authentication (Standard)', group: AUTHENTICATION },

    { ref: '164.312(e)(1)', title: 'Transmission security (Standard)', group: TRANSMISSION },
    { ref: '164.312(e)(2)(i)', title: 'Integrity controls (Addressable)', group: TRANSMISSION },
    { ref: '164.312(e)(2)(ii)', title: 'Encryption (Addressable)', group: TRANSMISSION },

    // §164.314 Organizational requirements
    { ref: '164.314(a)(1)', title: 'Business associate contracts or other arrangements (Standard)', group: BA_REQUIREMENTS },
    { ref: '164.314(a)(2)(i)', title: 'Business associate contracts (Required)', group: BA_REQUIREMENTS },
    { ref: '164.314(a)(2)(ii)', title: 'Other arrangements (Required)', group: BA_REQUIREMENTS },
    {
      ref: '164.314(a)(2)(iii)',
      title: 'Business associate contracts with subcontractors (Required)',
      group: BA_REQUIREMENTS,
    },

    { ref: '164.314(b)(1)', title: 'Requirements for group health plans (Standard)', group: GROUP_HEALTH_PLANS },
    {
      ref: '164.314(b)(2)',
      title: 'Plan documents require the plan sponsor to safeguard ePHI (Required)',
      group: GROUP_HEALTH_PLANS,
    },

    // §164.316 Policies and procedures and documentation requirements
    { ref: '164.316(a)', title: 'Policies and procedures (Standard)', group: POLICIES },

    { ref: '164.316(b)(1)', title: 'Documentation (Standard)', group: DOCUMENTATION },
    { ref: '164.316(b)(2)(i)', title: 'Time limit (Required)', group: DOCUMENTATION },
    { ref: '164.316(b)(2)(ii)', title: 'Availability (Required)', group: DOCUMENTATION },
    { ref: '164.316(b)(2)(iii)', title: 'Updates (Required)', group: DOCUMENTATION },
  ],
};
