import type { FrameworkDefinition } from '../framework-definition.js';
import { cisV8Ig1 } from './cis-v8-ig1.js';
import { cyberEssentials } from './cyber-essentials.js';
import { essentialEight } from './essential-eight.js';
import { hipaaSecurity } from './hipaa-security.js';
import { nistCsf2 } from './nist-csf-2.js';

export { cisV8Ig1, cyberEssentials, essentialEight, hipaaSecurity, nistCsf2 };

/** The compliance frameworks Rampart ships with, in display order. */
export const BUILTIN_FRAMEWORKS: readonly FrameworkDefinition[] = [
  cisV8Ig1,
  nistCsf2,
  essentialEight,
  cyberEssentials,
  hipaaSecurity,
];
