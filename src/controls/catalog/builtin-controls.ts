import type { ControlDefinition } from './control-definition.js';

/*
 * The controls Rampart ships with: what an MSP checks for a small-business client, with defaults an
 * MSP can tune per client or baseline.
 *
 * Fact keys describe the observation, not the control (`m365.mfa_registered_ratio`, not
 * `mfa_control_passed`), so one pushed fact can feed several controls. Ratios are fractions 0..1,
 * dates are ISO 8601 strings, counts are whole numbers. Framework refs are the ids in
 * `../frameworks/builtin/`; a control maps only to requirements it really gives evidence for.
 */

/** Antivirus/EDR states that mean the device is not protected, as RMMs and PSAs word them. */
const PROTECTION_OFF_WORDS = [
  'disabled',
  'not running',
  'not installed',
  'not detected',
  'no antivirus',
  'protection off',
  'inactive',
  'unprotected',
  'expired',
  'error',
  'unknown',
];

/** States that mean the signatures (definitions) are behind. */
const DEFINITIONS_STALE_WORDS = ['outdated', 'out of date', 'not up to date', 'definitions old', 'stale'];

/** Patch states that mean updates are not being applied (Syncro, Autotask RMM, Datto, NinjaOne wording). */
const PATCH_PROBLEM_WORDS = [
  'missing',
  'error',
  'fail',
  'update off',
  'disabled',
  'pending',
  'reboot',
  'no policy',
  'no data',
  'not patched',
  'non-compliant',
  'noncompliant',
  'not compliant',
  'overdue',
  'unknown',
];

/** Workstation operating systems past end of support on 2026-11-23 (Windows 10 ended 2025-10-14). */
const UNSUPPORTED_WORKSTATION_OS = [
  'Windows XP',
  'Windows Vista',
  'Windows 7',
  'Windows 8',
  'Windows 10',
  'Mac OS X',
  'High Sierra',
  'Mojave',
  'Catalina',
  'Big Sur',
  'Monterey',
  'Ventura',
];

/** Server operating systems past end of support (Server 2012/2012 R2 ended 2023-10-10). */
const UNSUPPORTED_SERVER_OS = ['Server 2000', 'Server 2003', 'Server 2008', 'Server 2012', 'Small Business Server', 'SBS 2011', 'CentOS Linux 7', 'CentOS 7', 'Ubuntu 18.04', 'Ubuntu 16.04'];

/**
 * Windows 11 feature updates out of support for every edition by 2026-11-23 (23H2 Enterprise ended
 * 2026-11-10), as release names or as the build prefix some RMMs report instead.
 */
const UNSUPPORTED_WINDOWS_11_RELEASES = ['21H2', '22H2', '23H2', '10.0.22000', '10.0.22621', '10.0.22631'];

const identity: ControlDefinition[] = [
  {
    key: 'identity.mfa_all_users',
    name: 'MFA registered for all users',
    category: 'identity',
    severity: 'critical',
    description: 'Every enabled Microsoft 365 user account has registered a multi-factor authentication method.',
    rationale:
      'Stolen or guessed passwords are the most common way into a small business. With MFA a password alone is not enough, which stops almost all account takeovers, invoice fraud and mailbox break-ins.',
    remediation:
      'In the Entra admin center open Protection > Authentication methods > User registration details and filter "Multifactor authentication capable: Not capable". Turn on Protection > Authentication methods > Registration campaign for Microsoft Authenticator, then enforce MFA with Security Defaults or a Conditional Access policy (see identity.mfa_policy_enforced). Follow up with each remaining user; exclude only the two emergency access accounts.',
    evidenceSource: 'Microsoft 365 (fact m365.mfa_registered_ratio, share of enabled member users able to do MFA; pushed by the facts API or collected from Graph userRegistrationDetails)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'm365.mfa_registered_ratio', operator: 'gte', threshold: 1, partialFrom: 0.8, maxEvidenceAgeDays: 14 },
    },
    mappings: {
      'cis-v8-ig1': ['6.3'],
      'nist-csf-2': ['PR.AA-03'],
      'essential-eight': ['ISM-1504', 'ISM-1679'],
      'cyber-essentials': ['A7.14', 'A7.17'],
      'hipaa-security': ['164.312(d)'],
    },
  },
  {
    key: 'identity.mfa_admins',
    name: 'MFA registered for all administrators',
    category: 'identity',
    severity: 'critical',
    description: 'Every account holding a Microsoft 365 / Entra ID administrator role has registered a multi-factor authentication method.',
    rationale: 'An administrator account can read every mailbox, reset every password and delete data. One phished admin password without MFA can hand over the whole business.',
    remediation:
      'In the Entra admin center open Identity > Roles & admins, check the members of Global Administrator and other privileged roles, and make sure each has registered Microsoft Authenticator or a FIDO2 security key (Protection > Authentication methods > User registration details). Enforce MFA for admins with a Conditional Access policy targeting "Directory roles" or with Security Defaults.',
    evidenceSource: 'Microsoft 365 (fact m365.admin_mfa_registered_ratio, share of privileged role holders able to do MFA; pushed by the facts API or collected from Graph userRegistrationDetails)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'm365.admin_mfa_registered_ratio', operator: 'gte', threshold: 1, partialFrom: null, maxEvidenceAgeDays: 14 },
    },
    mappings: {
      'cis-v8-ig1': ['6.5'],
      'nist-csf-2': ['PR.AA-03'],
      'essential-eight': ['ISM-1504'],
      'cyber-essentials': ['A7.14', 'A7.16'],
      'hipaa-security': ['164.312(d)'],
    },
  },
  {
    key: 'identity.mfa_policy_enforced',
    name: 'MFA enforced by Conditional Access or Security Defaults',
    category: 'identity',
    severity: 'critical',
    description:
      'Sign-ins must complete MFA: either Security Defaults is on, or an enabled (not report-only) Conditional Access policy requires MFA for all users. Either one is enough; the check combines two facts.',
    rationale: 'Registering MFA is not the same as requiring it. Without Security Defaults or a Conditional Access policy, users can still sign in with just a password.',
    remediation:
      'Tenants without Entra ID P1: Entra admin center > Identity > Overview > Properties > Manage security defaults > Enabled. Tenants with P1 (Business Premium): Protection > Conditional Access > Create new policy from template "Require multifactor authentication for all users", exclude the emergency access accounts, and switch it from Report-only to On.',
    evidenceSource:
      'Microsoft 365 (facts m365.security_defaults_enabled and m365.conditional_access_mfa_enforced, both booleans; pushed by the facts API or collected from Graph identitySecurityDefaultsEnforcementPolicy and conditionalAccess/policies). The collector pushes false for a tenant without Conditional Access so a missing fact reads as no data.',
    evaluator: {
      kind: 'expression',
      params: { expression: 'facts["m365.security_defaults_enabled"] == true || facts["m365.conditional_access_mfa_enforced"] == true' },
    },
    mappings: {
      'cis-v8-ig1': ['6.3', '6.5'],
      'nist-csf-2': ['PR.AA-03'],
      'essential-eight': ['ISM-1504', 'ISM-1679'],
      'cyber-essentials': ['A7.14', 'A7.16', 'A7.17'],
      'hipaa-security': ['164.312(d)'],
    },
  },
  {
    key: 'identity.legacy_auth_blocked',
    name: 'Legacy authentication blocked',
    category: 'identity',
    severity: 'high',
    description: 'Old sign-in protocols that cannot do MFA (IMAP, POP3, SMTP AUTH, Exchange ActiveSync basic auth, older Office clients) are blocked for the tenant.',
    rationale: 'Attackers run password-spraying against legacy protocols precisely because they skip MFA. Leaving them open makes MFA optional for an attacker.',
    remediation:
      'Entra admin center > Protection > Conditional Access > New policy: All users (exclude emergency access accounts), All resources, Conditions > Client apps: "Exchange ActiveSync clients" and "Other clients", Grant: Block access, turn On. Security Defaults blocks legacy authentication too. Also disable SMTP AUTH: Exchange admin center > Settings > Mail flow > "Turn off SMTP AUTH protocol for your organization" (re-enable per mailbox only for a scanner that needs it).',
    evidenceSource: 'Microsoft 365 (fact m365.legacy_auth_blocked, boolean; pushed by the facts API or derived from Conditional Access policies and Security Defaults)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'm365.legacy_auth_blocked', expected: true, maxEvidenceAgeDays: 30 } },
    mappings: {
      'cis-v8-ig1': ['6.3'],
      'nist-csf-2': ['PR.AA-03', 'PR.PS-01'],
      'essential-eight': ['ISM-1504'],
      'cyber-essentials': ['A7.10', 'A7.17'],
      'hipaa-security': ['164.312(d)'],
    },
  },
  {
    key: 'identity.global_admin_count',
    name: 'Few Global Administrators',
    category: 'identity',
    severity: 'high',
    description: 'At most 4 accounts hold the Global Administrator role (Microsoft recommends fewer than 5, including two emergency access accounts).',
    rationale: 'Every Global Administrator is a master key to the business. The fewer there are, the fewer accounts an attacker can phish to take over everything.',
    remediation:
      'Entra admin center > Identity > Roles & admins > Global Administrator: remove people who only need part of the access and give them a narrower role instead (User Administrator, Exchange Administrator, Helpdesk Administrator, Billing Administrator). Keep two cloud-only emergency access accounts plus the named admins who truly need it. Consider Privileged Identity Management for just-in-time elevation where licensed.',
    evidenceSource: 'Microsoft 365 (fact m365.global_admin_count, whole number; pushed by the facts API or collected from Graph directoryRoles members)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'm365.global_admin_count', operator: 'lte', threshold: 4, partialFrom: 7, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'cis-v8-ig1': ['5.4'],
      'nist-csf-2': ['PR.AA-05'],
      'essential-eight': ['ISM-1883'],
      'cyber-essentials': ['A7.4'],
      'hipaa-security': ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
    },
  },
  {
    key: 'identity.admins_without_mailbox',
    name: 'Admin accounts are separate from everyday accounts',
    category: 'identity',
    severity: 'high',
    description: 'No account holding a privileged Entra ID role has a mailbox; admins use a dedicated admin account and read email and browse with a normal one.',
    rationale: 'Phishing emails and malicious websites reach whoever reads them. When that is an admin account, one click compromises the whole tenant instead of one user.',
    remediation:
      'For each admin with a licensed mailbox, create a separate cloud-only admin account (for example admin-jane@tenant.onmicrosoft.com) without a Microsoft 365 license, move the admin roles to it in Entra admin center > Identity > Roles & admins, and remove the roles from the everyday account.',
    evidenceSource: 'Microsoft 365 (fact m365.admins_with_mailbox_count, whole number of privileged role holders that have an Exchange Online mailbox; pushed by the facts API or collected from Graph)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'm365.admins_with_mailbox_count', operator: 'lte', threshold: 0, partialFrom: 3, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'cis-v8-ig1': ['5.4'],
      'nist-csf-2': ['PR.AA-05'],
      'essential-eight': ['ISM-0445', 'ISM-1175'],
      'cyber-essentials': ['A7.6', 'A7.7'],
      'hipaa-security': ['164.308(a)(4)(ii)(B)'],
    },
  },
  {
    key: 'identity.inactive_accounts_disabled',
    name: 'Inactive accounts disabled',
    category: 'identity',
    severity: 'medium',
    description: 'No enabled member account has gone 45 days without signing in (the CIS limit for dormant accounts).',
    rationale: 'Accounts of people who left or never use them are not watched by anyone. Attackers love them: a break-in goes unnoticed and the old password often still works.',
    remediation:
      'In the Entra admin center open Identity > Users > All users, add the "Last successful sign-in" column (or use the Inactive users workbook) and review accounts idle for 45+ days. For leavers: block sign-in, reset the password, remove licenses and convert the mailbox to a shared mailbox if it must be kept. Document the few service accounts that are legitimately idle as exceptions.',
    evidenceSource: 'Microsoft 365 (fact m365.inactive_enabled_account_count, whole number of enabled member accounts without a sign-in in 45 days; pushed by the facts API or collected from Graph signInActivity)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'm365.inactive_enabled_account_count', operator: 'lte', threshold: 0, partialFrom: 5, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'cis-v8-ig1': ['5.1', '5.3'],
      'nist-csf-2': ['PR.AA-01', 'PR.AA-05'],
      'cyber-essentials': ['A5.2', 'A7.3'],
      'hipaa-security': ['164.308(a)(3)(ii)(C)', '164.308(a)(4)(ii)(C)'],
    },
  },
  {
    key: 'identity.shared_mailbox_signin_blocked',
    name: 'Shared mailboxes cannot sign in',
    category: 'identity',
    severity: 'medium',
    description: 'Sign-in is blocked on every shared mailbox account, so no one logs in to "info@" or "reception@" with a shared password.',
    rationale: 'A shared mailbox with sign-in enabled is a shared password nobody owns and MFA rarely protects. Staff should reach shared mailboxes through their own accounts so every action is traceable.',
    remediation:
      'In the Microsoft 365 admin center open Teams & groups > Shared mailboxes to list them, then for each one in Users > Active users choose "Block sign-in". Give staff Full Access / Send As permissions on the shared mailbox instead of its password.',
    evidenceSource: 'Microsoft 365 (fact m365.shared_mailbox_signin_enabled_count, whole number; pushed by the facts API or collected from Exchange Online and Graph accountEnabled)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'm365.shared_mailbox_signin_enabled_count', operator: 'lte', threshold: 0, partialFrom: 3, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'nist-csf-2': ['PR.AA-01'],
      'cyber-essentials': ['A7.2'],
      'hipaa-security': ['164.312(a)(2)(i)'],
    },
  },
  {
    key: 'identity.weak_mfa_methods_disabled',
    name: 'SMS and voice MFA disabled',
    category: 'identity',
    severity: 'medium',
    description: 'The tenant does not allow text-message or phone-call codes as an MFA method; users use the Authenticator app, passkeys or security keys.',
    rationale: 'Codes sent by SMS or voice can be intercepted through SIM swapping and are easy to trick users into reading out. App-based and passkey sign-ins resist that far better.',
    remediation:
      'Move users to Microsoft Authenticator first (Registration campaign), then in the Entra admin center open Protection > Authentication methods > Policies and disable "SMS" and "Voice call". Complete the authentication methods migration so legacy per-user MFA settings no longer allow them.',
    evidenceSource: 'Microsoft 365 (fact m365.sms_voice_mfa_enabled, boolean; pushed by the facts API or collected from the Graph authenticationMethodsPolicy)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'm365.sms_voice_mfa_enabled', expected: false, maxEvidenceAgeDays: 30 } },
    mappings: {
      'nist-csf-2': ['PR.AA-03'],
      'essential-eight': ['ISM-1401'],
      'hipaa-security': ['164.312(d)'],
    },
  },
  {
    key: 'identity.privileged_access_reviewed',
    name: 'Privileged access reviewed quarterly',
    category: 'identity',
    severity: 'medium',
    description: 'Someone reviewed who holds administrator rights (Microsoft 365 roles, domain admins, firewall, backup and line-of-business admin logins) within the last 90 days.',
    rationale: 'Admin rights pile up: an old contractor, a staff member who changed roles, a vendor login nobody remembers. A quarterly look removes access that should no longer exist.',
    remediation:
      'Each quarter export the members of Entra ID privileged roles, on-premises Domain Admins, and the admin users of the firewall, backup console and key business apps; confirm each with the business owner, remove what is not needed, and record the review date (facts API or PSA ticket) as access_review.privileged_reviewed_at.',
    evidenceSource: 'MSP review record (fact access_review.privileged_reviewed_at, ISO date of the last completed review; pushed by the facts API from the PSA ticket or a technician)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'access_review.privileged_reviewed_at', maxAgeDays: 90, graceDays: 30 } },
    mappings: {
      'cis-v8-ig1': ['5.1', '5.4'],
      'nist-csf-2': ['PR.AA-05'],
      'essential-eight': ['ISM-1883'],
      'cyber-essentials': ['A7.8', 'A7.9'],
      'hipaa-security': ['164.308(a)(3)(ii)(A)', '164.308(a)(4)(i)', '164.308(a)(4)(ii)(C)'],
    },
  },
  {
    key: 'identity.password_manager',
    name: 'Business password manager in use',
    category: 'identity',
    severity: 'medium',
    description: 'At least 90% of staff have an active account in the company password manager (Bitwarden, Keeper, 1Password or similar).',
    rationale: 'People reuse passwords when they have to remember them. A password manager makes a unique, strong password for every site the easy option, and shared logins stay in a vault instead of a spreadsheet.',
    remediation:
      'Roll out the business password manager with SSO or SCIM provisioning from Entra ID, install the browser extension through Intune or the RMM, move shared credentials into shared vaults, and disable password saving in browsers (Edge "PasswordManagerEnabled" = Disabled).',
    evidenceSource: 'Password manager admin console (fact password_manager.adoption_ratio, share of staff with an active vault; pushed by the facts API or an integration)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'password_manager.adoption_ratio', operator: 'gte', threshold: 0.9, partialFrom: 0.5, maxEvidenceAgeDays: 60 },
    },
    mappings: {
      'cis-v8-ig1': ['5.2'],
      'nist-csf-2': ['PR.AA-01'],
      'cyber-essentials': ['A7.12'],
      'hipaa-security': ['164.308(a)(5)(ii)(D)'],
    },
  },
  {
    key: 'identity.laps_enabled',
    name: 'Unique local admin passwords (LAPS)',
    category: 'identity',
    severity: 'high',
    description: 'Every managed Windows device has its local administrator password rotated and stored by Windows LAPS (or the RMM equivalent), so no two devices share it.',
    rationale: 'When every PC has the same local admin password, malware that steals it from one machine can walk onto all of them. Unique, rotating passwords stop that spread.',
    remediation:
      'Entra admin center > Identity > Devices > Device settings: "Enable Microsoft Entra Local Administrator Password Solution (LAPS)" = Yes. Then Intune > Endpoint security > Account protection > Create policy > Windows > Local admin password solution (Windows LAPS): backup directory Entra ID, password age 30 days, complexity large+small+numbers+specials. For devices outside Intune, use the RMM\'s local admin password rotation.',
    evidenceSource: 'Intune or RMM (fact endpoint.laps_managed_ratio, share of managed Windows devices with a LAPS-managed password backed up in the last 30 days; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'endpoint.laps_managed_ratio', operator: 'gte', threshold: 1, partialFrom: 0.8, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'cis-v8-ig1': ['5.2'],
      'nist-csf-2': ['PR.AA-01'],
      'cyber-essentials': ['A5.3', 'A7.2'],
      'hipaa-security': ['164.308(a)(5)(ii)(D)'],
    },
  },
  {
    key: 'identity.emergency_access_accounts',
    name: 'Emergency access accounts in place',
    category: 'identity',
    severity: 'low',
    description:
      'The client attests that two cloud-only emergency ("break-glass") Global Administrator accounts exist, are excluded from Conditional Access lockouts, have long passwords or FIDO2 keys stored offline, and alert when used.',
    rationale: 'If Conditional Access is misconfigured or the MFA service fails, these accounts are the way back in. Without them a business can be locked out of its own email and files.',
    remediation:
      'Create two accounts on the tenant.onmicrosoft.com domain with the Global Administrator role and no license, register a FIDO2 key (or a 30+ character password kept in a safe), exclude them from every Conditional Access policy, and add an alert on their sign-ins (Entra sign-in logs to a Log Analytics alert, or the MSP\'s M365 monitoring). Test them twice a year.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'nist-csf-2': ['PR.AA-05'],
      'hipaa-security': ['164.312(a)(2)(ii)'],
    },
  },
  {
    key: 'identity.offboarding_procedure',
    name: 'Starter and leaver procedure',
    category: 'identity',
    severity: 'medium',
    description: 'The client attests that a written procedure approves new accounts and, on the day someone leaves, disables their accounts, revokes sessions, collects devices and changes shared passwords.',
    rationale: 'Former staff with working logins are a real risk, from deleted files to copied client lists. A checklist run the same day makes sure nothing is forgotten.',
    remediation:
      'Write a one-page checklist with the client: manager approval for new accounts and their access; for leavers, block sign-in in Entra ID, revoke sessions (Users > user > Revoke sessions), remove MFA methods, wipe or collect devices in Intune, convert the mailbox to shared, remove from password manager vaults and line-of-business apps, and rotate any shared passwords they knew. Trigger it from an HR ticket in the PSA.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'cis-v8-ig1': ['6.1', '6.2'],
      'nist-csf-2': ['PR.AA-01', 'GV.RR-04'],
      'cyber-essentials': ['A7.1', 'A7.3'],
      'hipaa-security': ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(C)', '164.308(a)(4)(ii)(C)'],
    },
  },
];

const endpoint: ControlDefinition[] = [
  {
    key: 'endpoint.edr_active',
    name: 'EDR / antivirus active on every endpoint',
    category: 'endpoint',
    severity: 'critical',
    description: 'Every workstation and server seen in the last 30 days reports its endpoint protection (EDR or antivirus) as installed and running.',
    rationale: 'Endpoint protection is what catches ransomware and stolen-password tools on the computer itself. One unprotected machine is enough for an attacker to get in and spread.',
    remediation:
      'Open the failing devices listed here in the RMM and EDR console. Reinstall or repair the agent (Defender for Business via Intune onboarding, or SentinelOne, Huntress, Sophos through the RMM deployment policy), check tamper protection is on, and make sure no second antivirus is fighting it. Retire devices that no longer exist so they leave the inventory.',
    evidenceSource: 'RMM or PSA configuration records (asset antivirusStatus on workstations and servers)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['workstation', 'server'],
        conditions: [{ field: 'antivirusStatus', op: 'not_contains_any', value: PROTECTION_OFF_WORDS }],
        passAt: 1,
        failBelow: 0.8,
        seenWithinDays: 30,
        whenNoAssets: 'no_data',
      },
    },
    mappings: {
      'cis-v8-ig1': ['10.1'],
      'nist-csf-2': ['DE.CM-09'],
      'cyber-essentials': ['A8.1'],
      'hipaa-security': ['164.308(a)(5)(ii)(B)'],
    },
  },
  {
    key: 'endpoint.antivirus_definitions_current',
    name: 'Antivirus definitions current',
    category: 'endpoint',
    severity: 'high',
    description: 'Endpoint protection on at least 95% of workstations and servers is running with up-to-date definitions (no "outdated" or "not up to date" status).',
    rationale: 'Antivirus only recognises what its definitions describe. A machine weeks behind misses the malware going around right now.',
    remediation:
      'For the failing devices, check internet access to the vendor\'s update servers and proxy/firewall rules, force an update from the EDR console (Defender: Update-MpSignature), and fix devices that have been powered off or disconnected for weeks. Make sure the Intune or RMM antivirus policy allows automatic signature updates at least daily.',
    evidenceSource: 'RMM or PSA configuration records (asset antivirusStatus on workstations and servers)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['workstation', 'server'],
        conditions: [{ field: 'antivirusStatus', op: 'not_contains_any', value: [...DEFINITIONS_STALE_WORDS, ...PROTECTION_OFF_WORDS] }],
        passAt: 0.95,
        failBelow: 0.8,
        seenWithinDays: 30,
        whenNoAssets: 'no_data',
      },
    },
    mappings: {
      'cis-v8-ig1': ['10.2'],
      'nist-csf-2': ['DE.CM-09'],
      'cyber-essentials': ['A8.2'],
      'hipaa-security': ['164.308(a)(5)(ii)(B)'],
    },
  },
  {
    key: 'endpoint.supported_os_workstations',
    name: 'Workstations run a supported operating system',
    category: 'endpoint',
    severity: 'high',
    description:
      'No workstation seen in the last 30 days runs an operating system past end of support: Windows 7, 8/8.1 or 10 (ended 14 October 2025), or macOS Ventura and older.',
    rationale: 'An unsupported system gets no more security fixes. Every new hole found in it stays open for good, and insurers and auditors treat it as a failed control.',
    remediation:
      'Upgrade eligible Windows 10 PCs to Windows 11 (Intune feature update policy or the RMM\'s upgrade script) and budget replacements for hardware that cannot run it. Upgrade Macs through Software Update or the MDM. A machine covered by paid Extended Security Updates, or a Windows 10 LTSC edition still in support, can be recorded as an exception until its end date.',
    evidenceSource: 'RMM or PSA configuration records (asset osName on workstations)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['workstation'],
        conditions: [{ field: 'osName', op: 'not_contains_any', value: UNSUPPORTED_WORKSTATION_OS }],
        passAt: 1,
        failBelow: 0.8,
        seenWithinDays: 30,
        whenNoAssets: 'no_data',
      },
    },
    mappings: {
      'cis-v8-ig1': ['2.2'],
      'nist-csf-2': ['PR.PS-02', 'ID.AM-08'],
      'essential-eight': ['ISM-1501'],
      'cyber-essentials': ['A6.1', 'A6.6'],
    },
  },
  {
    key: 'endpoint.supported_os_servers',
    name: 'Servers run a supported operating system',
    category: 'endpoint',
    severity: 'critical',
    description: 'No server seen in the last 30 days runs an operating system past end of support, such as Windows Server 2008 or 2012/2012 R2, Small Business Server, CentOS 7 or Ubuntu 18.04.',
    rationale: 'Servers hold the files, databases and line-of-business apps. An unsupported server is the easiest target on the network and often what ransomware crews hit first.',
    remediation:
      'Plan the migration: move roles to Windows Server 2022/2025 or to Microsoft 365 / Azure (file shares to SharePoint, line-of-business apps to the vendor\'s cloud version), then decommission the old server. Until then isolate it on its own network segment and buy Extended Security Updates where offered (Server 2012 ESU via Azure Arc), recorded as an exception with an end date.',
    evidenceSource: 'RMM or PSA configuration records (asset osName on servers)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['server'],
        conditions: [{ field: 'osName', op: 'not_contains_any', value: UNSUPPORTED_SERVER_OS }],
        passAt: 1,
        failBelow: 0.5,
        seenWithinDays: 30,
        whenNoAssets: 'not_applicable',
      },
    },
    mappings: {
      'cis-v8-ig1': ['2.2'],
      'nist-csf-2': ['PR.PS-02', 'ID.AM-08'],
      'essential-eight': ['ISM-1501'],
      'cyber-essentials': ['A6.1', 'A6.6'],
    },
  },
  {
    key: 'endpoint.windows_release_supported',
    name: 'Windows 11 on a supported feature update',
    category: 'endpoint',
    severity: 'medium',
    description: 'No workstation reports a Windows 11 release that is out of support for every edition (21H2, 22H2 or 23H2). Home and Pro editions of 24H2 also ended on 13 October 2026.',
    rationale: 'Windows 11 only gets security fixes on supported feature updates. A PC stuck on an old release looks modern but is as unpatched as Windows 10.',
    remediation:
      'Create an Intune feature update policy (Devices > Windows updates > Feature updates) targeting Windows 11 25H2, or approve the feature update in the RMM patch policy. Fix devices that fail to upgrade (disk space, incompatible drivers, safeguard holds) and check that Home editions are not in business use.',
    evidenceSource: 'RMM or PSA configuration records (asset osVersion on workstations, as release name or build number)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['workstation'],
        conditions: [{ field: 'osVersion', op: 'not_contains_any', value: UNSUPPORTED_WINDOWS_11_RELEASES }],
        passAt: 1,
        failBelow: 0.8,
        seenWithinDays: 30,
        whenNoAssets: 'no_data',
      },
    },
    mappings: {
      'cis-v8-ig1': ['2.2', '7.3'],
      'nist-csf-2': ['PR.PS-02'],
      'essential-eight': ['ISM-1501'],
      'cyber-essentials': ['A6.1'],
    },
  },
  {
    key: 'endpoint.patches_current',
    name: 'Operating system patches installed',
    category: 'endpoint',
    severity: 'high',
    description: 'At least 90% of workstations and servers seen in the last 30 days are missing no more than 2 operating system updates.',
    rationale: 'Most break-ins use holes that already have a fix. Installing updates within weeks of release closes the door before attackers automate their way through it.',
    remediation:
      'Check the RMM patch policy for the failing devices: automatic approval of security and critical updates, an install window and reboot policy that actually runs, and no stuck downloads. For Intune-managed PCs use Windows Update rings with a quality-update deferral of 7 days or less and a deadline of 2-3 days. Chase devices that stay off at night.',
    evidenceSource: 'RMM or PSA configuration records (asset missingPatches on workstations and servers)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['workstation', 'server'],
        conditions: [{ field: 'missingPatches', op: 'lte', value: 2 }],
        passAt: 0.9,
        failBelow: 0.7,
        seenWithinDays: 30,
        whenNoAssets: 'no_data',
      },
    },
    mappings: {
      'cis-v8-ig1': ['7.3'],
      'nist-csf-2': ['PR.PS-02', 'ID.RA-01'],
      'essential-eight': ['ISM-1695', 'ISM-1702'],
      'cyber-essentials': ['A6.4'],
      'hipaa-security': ['164.308(a)(5)(ii)(B)'],
    },
  },
  {
    key: 'endpoint.patch_status_healthy',
    name: 'Patching works on every device',
    category: 'endpoint',
    severity: 'medium',
    description: 'The RMM reports a healthy patch status (for example "Up to date" or "Fully patched") for at least 95% of workstations and servers, with no Windows Update errors, disabled updates, pending reboots or missing policies.',
    rationale: 'A device whose updates are switched off or failing silently falls further behind every month. Catching the broken ones keeps the patch count honest.',
    remediation:
      'For each failing device: assign it to the RMM patch policy if it has none, re-enable the Windows Update service, clear the SoftwareDistribution folder or run the RMM\'s Windows Update repair script for install errors, and schedule the pending reboot.',
    evidenceSource: 'RMM or PSA configuration records (asset patchStatus on workstations and servers)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['workstation', 'server'],
        conditions: [{ field: 'patchStatus', op: 'not_contains_any', value: PATCH_PROBLEM_WORDS }],
        passAt: 0.95,
        failBelow: 0.7,
        seenWithinDays: 30,
        whenNoAssets: 'no_data',
      },
    },
    mappings: {
      'cis-v8-ig1': ['7.3'],
      'nist-csf-2': ['PR.PS-02'],
      'essential-eight': ['ISM-1695', 'ISM-1702'],
      'cyber-essentials': ['A6.4', 'A6.4.1'],
    },
  },
  {
    key: 'endpoint.third_party_apps_patched',
    name: 'Applications patched',
    category: 'endpoint',
    severity: 'high',
    description: 'At least 90% of managed devices have no outstanding security update for browsers, Office, PDF readers, Java, Zoom and other third-party applications older than 14 days.',
    rationale: 'Browsers, PDF readers and office apps open whatever arrives by email or web, so their holes are exploited quickly. Windows updates alone do not fix them.',
    remediation:
      'Enable third-party patching in the RMM (NinjaOne, Datto RMM, N-able, Syncro) or Intune Enterprise App Management with automatic approval for security updates, set Edge/Chrome auto-update through policy, and move Microsoft 365 Apps to the Monthly Enterprise or Current channel.',
    evidenceSource: 'RMM or vulnerability scanner (fact endpoint.third_party_patch_compliance_ratio, share of devices without application updates overdue by 14 days; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'endpoint.third_party_patch_compliance_ratio', operator: 'gte', threshold: 0.9, partialFrom: 0.6, maxEvidenceAgeDays: 14 },
    },
    mappings: {
      'cis-v8-ig1': ['7.4'],
      'nist-csf-2': ['PR.PS-02'],
      'essential-eight': ['ISM-1691', 'ISM-1699'],
      'cyber-essentials': ['A6.5', 'A6.5.1'],
      'hipaa-security': ['164.308(a)(5)(ii)(B)'],
    },
  },
  {
    key: 'endpoint.unsupported_applications_removed',
    name: 'No unsupported applications installed',
    category: 'endpoint',
    severity: 'medium',
    description: 'No managed device has software installed that its vendor no longer supports, such as Office and Outlook 2016/2019 (ended 14 October 2025), out-of-support browsers, Adobe Reader XI, Flash Player or Java 6/7.',
    rationale: 'Unsupported programs never get fixes again. They are common on older PCs and are exactly what exploit kits look for.',
    remediation:
      'Run the RMM software inventory report for end-of-life titles, replace old Office versions with Microsoft 365 Apps, uninstall Flash, old Java runtimes and Reader XI with an RMM script, and block reinstallation through application control. Record a business-critical exception only with a plan and isolation.',
    evidenceSource: 'RMM software inventory or vulnerability scanner (fact endpoint.unsupported_application_count, whole number of installations; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'endpoint.unsupported_application_count', operator: 'lte', threshold: 0, partialFrom: 10, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'cis-v8-ig1': ['2.2', '2.3', '9.1'],
      'nist-csf-2': ['PR.PS-02'],
      'essential-eight': ['ISM-1704'],
      'cyber-essentials': ['A6.2', 'A6.6'],
    },
  },
  {
    key: 'endpoint.disk_encryption',
    name: 'Workstation disks encrypted',
    category: 'endpoint',
    severity: 'high',
    description: 'Every workstation seen in the last 30 days has its system disk encrypted with BitLocker or FileVault.',
    rationale: 'A lost or stolen laptop without encryption hands over every file and saved password on it, and for health or financial data it is usually a reportable breach. With encryption it is just lost hardware.',
    remediation:
      'Intune > Endpoint security > Disk encryption > Create policy: Windows > BitLocker (require device encryption, XTS-AES 256, silent enable, recovery key escrow to Entra ID) and macOS > FileVault (escrow the personal recovery key). For non-Intune devices enable BitLocker through the RMM and store the recovery keys in the PSA or documentation tool.',
    evidenceSource: 'RMM, Intune or PSA configuration records (asset diskEncrypted on workstations)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['workstation'],
        conditions: [{ field: 'diskEncrypted', op: 'eq', value: true }],
        passAt: 1,
        failBelow: 0.8,
        seenWithinDays: 30,
        whenNoAssets: 'no_data',
      },
    },
    mappings: {
      'cis-v8-ig1': ['3.6'],
      'nist-csf-2': ['PR.DS-01'],
      'hipaa-security': ['164.312(a)(2)(iv)', '164.310(d)(1)'],
    },
  },
  {
    key: 'endpoint.devices_checking_in',
    name: 'Devices checking in to management',
    category: 'endpoint',
    severity: 'medium',
    description: 'At least 95% of workstations and servers listed as active in the inventory have reported to the RMM or MDM within the last 14 days.',
    rationale: 'A device that stopped checking in gets no patches, no antivirus updates and no monitoring, and nobody notices. It is also how old machines linger in the inventory unmanaged.',
    remediation:
      'For each stale device: find out whether it still exists. If it does, reinstall or repair the RMM agent and Intune enrollment; if it was retired, lost or replaced, mark it inactive in the PSA and remove it from Intune and Entra ID (Devices > All devices > Delete).',
    evidenceSource: 'RMM or PSA configuration records (asset lastSeenAt on workstations and servers)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['workstation', 'server'],
        conditions: [{ field: 'lastSeenAt', op: 'within_days', value: 14 }],
        passAt: 0.95,
        failBelow: 0.75,
        seenWithinDays: null,
        whenNoAssets: 'no_data',
      },
    },
    mappings: {
      'cis-v8-ig1': ['1.1', '1.2'],
      'nist-csf-2': ['ID.AM-01', 'DE.CM-09'],
      'essential-eight': ['ISM-1807'],
    },
  },
  {
    key: 'endpoint.server_warranty_current',
    name: 'Server hardware under warranty',
    category: 'endpoint',
    severity: 'medium',
    description: 'Every server seen in the last 30 days has a hardware warranty or support contract that runs for at least 30 more days.',
    rationale: 'When a server out of warranty fails, parts can take days or weeks to find, and the business stops while it waits. Warranty end is also a good prompt to plan the replacement.',
    remediation:
      'Renew the manufacturer support (Dell ProSupport, HPE Care Pack, Lenovo Premier) or quote a replacement or cloud migration before the end date. Keep warranty end dates synced into the PSA configuration records (most PSAs pull them from Dell, HP and Lenovo automatically).',
    evidenceSource: 'PSA configuration records or manufacturer warranty lookup (asset warrantyEndsAt on servers)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['server'],
        conditions: [{ field: 'warrantyEndsAt', op: 'future_days', value: 30 }],
        passAt: 1,
        failBelow: 0.5,
        seenWithinDays: 30,
        whenNoAssets: 'not_applicable',
      },
    },
    mappings: {
      'nist-csf-2': ['ID.AM-08', 'PR.PS-03'],
    },
  },
  {
    key: 'endpoint.workstation_warranty_current',
    name: 'Workstation hardware under warranty',
    category: 'endpoint',
    severity: 'low',
    description: 'At least 80% of workstations seen in the last 30 days have a hardware warranty that runs for at least 30 more days.',
    rationale: 'Out-of-warranty PCs cost staff time when they fail and are usually the ones that can no longer run current software. The share is a simple measure of the replacement cycle.',
    remediation:
      'Use the PSA warranty report to build a replacement budget with the client (typically a 4-5 year cycle), extend warranties on machines that will stay, and sync warranty dates from the manufacturers into the PSA.',
    evidenceSource: 'PSA configuration records or manufacturer warranty lookup (asset warrantyEndsAt on workstations)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['workstation'],
        conditions: [{ field: 'warrantyEndsAt', op: 'future_days', value: 30 }],
        passAt: 0.8,
        failBelow: 0.5,
        seenWithinDays: 30,
        whenNoAssets: 'no_data',
      },
    },
    mappings: {
      'nist-csf-2': ['ID.AM-08', 'PR.PS-03'],
    },
  },
  {
    key: 'endpoint.local_admin_removed',
    name: 'Users are not local administrators',
    category: 'endpoint',
    severity: 'high',
    description: 'No everyday user account is a member of the local Administrators group on managed Windows computers; only the LAPS-managed account and IT admin groups are.',
    rationale: 'When the person reading email is also the computer\'s administrator, any malicious attachment they open can disable security software and install whatever it likes.',
    remediation:
      'Intune > Endpoint security > Account protection > Create policy > Windows > Local user group membership: set Administrators to "Add (Replace)" with only the LAPS account and the Entra "Microsoft Entra joined device local administrator" role. In Entra ID set Devices > Device settings > "Registering user is added as local administrator" to None. Use the RMM or an elevation tool (Admin By Request, AutoElevate) for the occasional install.',
    evidenceSource: 'RMM script or Intune report (fact endpoint.users_with_local_admin_count, whole number of user accounts with local admin rights across managed computers, excluding LAPS and IT admin accounts; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'endpoint.users_with_local_admin_count', operator: 'lte', threshold: 0, partialFrom: 5, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'cis-v8-ig1': ['5.4'],
      'nist-csf-2': ['PR.AA-05'],
      'essential-eight': ['ISM-0445'],
      'cyber-essentials': ['A7.4', 'A7.6'],
      'hipaa-security': ['164.308(a)(4)(ii)(B)'],
    },
  },
  {
    key: 'endpoint.removable_media_blocked',
    name: 'USB storage and AutoPlay controlled',
    category: 'endpoint',
    severity: 'medium',
    description: 'A device policy blocks (or makes read-only) USB and other removable storage and turns off AutoRun/AutoPlay on managed computers.',
    rationale: 'USB sticks carry malware in and client data out, and a lost stick is a data breach. Turning off AutoPlay stops a plugged-in device from running anything on its own.',
    remediation:
      'Intune > Endpoint security > Attack surface reduction > Create policy > Device control (or Settings catalog > Administrative Templates > System > Removable Storage Access: "All Removable Storage classes: Deny all access", or "Removable Disks: Deny write access"), with an allow list for approved encrypted drives. Set "Turn off Autoplay" = Enabled for all drives and "Set the default behavior for AutoRun" = Do not execute.',
    evidenceSource: 'Intune, Group Policy or RMM policy report (fact device_policy.removable_storage_blocked, boolean; pushed by the facts API)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'device_policy.removable_storage_blocked', expected: true, maxEvidenceAgeDays: 60 } },
    mappings: {
      'cis-v8-ig1': ['10.3'],
      'nist-csf-2': ['PR.PS-01', 'PR.DS-01'],
      'cyber-essentials': ['A5.8'],
      'hipaa-security': ['164.310(d)(1)'],
    },
  },
  {
    key: 'endpoint.office_macros_blocked',
    name: 'Office macros from the internet blocked',
    category: 'endpoint',
    severity: 'high',
    description: 'A central policy blocks macros in Office files that came from the internet, and users cannot change the macro settings.',
    rationale: 'Malicious Word and Excel attachments with macros have long been a top way ransomware starts. Blocking internet macros removes that route with little impact on normal work.',
    remediation:
      'Intune > Devices > Configuration > Create > Settings catalog, add for Word, Excel, PowerPoint, Access and Visio: "Block macros from running in Office files from the Internet" = Enabled and "VBA Macro Notification Settings" = Disable all except digitally signed macros (or Disable without notification). Also enable the ASR rule "Block Win32 API calls from Office macros". Trusted locations only for documented business macros.',
    evidenceSource: 'Intune, Group Policy or RMM policy report (fact device_policy.internet_macros_blocked, boolean; pushed by the facts API)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'device_policy.internet_macros_blocked', expected: true, maxEvidenceAgeDays: 60 } },
    mappings: {
      'nist-csf-2': ['PR.PS-01'],
      'essential-eight': ['ISM-1488', 'ISM-1489'],
    },
  },
  {
    key: 'endpoint.screen_lock',
    name: 'Screens lock when idle',
    category: 'endpoint',
    severity: 'medium',
    description: 'Managed computers lock automatically after at most 15 minutes of inactivity and need the user\'s PIN, password or biometrics to unlock.',
    rationale: 'An unlocked, unattended computer lets anyone walking by read records or send email as that person. Automatic locking costs nothing.',
    remediation:
      'Intune > Devices > Configuration > Settings catalog > Local Policies Security Options: "Interactive Logon Machine Inactivity Limit" = 900 seconds (or Group Policy: Computer Configuration > Windows Settings > Security Settings > Local Policies > Security Options). For Macs use a configuration profile with screensaver at 15 minutes and "Require password immediately".',
    evidenceSource: 'Intune, Group Policy or RMM policy report (fact device_policy.screen_lock_minutes, whole number of idle minutes before lock; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'device_policy.screen_lock_minutes', operator: 'lte', threshold: 15, partialFrom: 30, maxEvidenceAgeDays: 60 },
    },
    mappings: {
      'cis-v8-ig1': ['4.3'],
      'nist-csf-2': ['PR.PS-01'],
      'cyber-essentials': ['A5.9'],
      'hipaa-security': ['164.312(a)(2)(iii)', '164.310(c)'],
    },
  },
  {
    key: 'endpoint.security_baseline_applied',
    name: 'Secure configuration baseline applied',
    category: 'endpoint',
    severity: 'medium',
    description: 'At least 90% of managed computers comply with the MSP\'s security baseline (Intune security baseline, CIS benchmark or RMM hardening policy).',
    rationale: 'Windows and macOS ship tuned for convenience, not safety. A baseline turns off old protocols and risky defaults the same way on every machine instead of depending on who set it up.',
    remediation:
      'Intune > Endpoint security > Security baselines > Security Baseline for Windows > Create profile and assign it to all devices (pilot first), or apply the RMM\'s CIS Level 1 hardening policy. Review non-compliant settings per device in the baseline report and fix or document them.',
    evidenceSource: 'Intune or RMM compliance report (fact endpoint.baseline_compliant_ratio, share of managed computers compliant with the baseline; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'endpoint.baseline_compliant_ratio', operator: 'gte', threshold: 0.9, partialFrom: 0.5, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'cis-v8-ig1': ['4.1'],
      'nist-csf-2': ['PR.PS-01'],
      'cyber-essentials': ['A5.1'],
    },
  },
  {
    key: 'endpoint.host_firewall_enabled',
    name: 'Device firewall on',
    category: 'endpoint',
    severity: 'medium',
    description: 'The built-in firewall (Windows Defender Firewall, macOS firewall) is on for all network profiles on every managed workstation and server, with inbound connections blocked by default.',
    rationale: 'Laptops join home and hotel Wi-Fi where the office firewall does not protect them. The device firewall is also what slows ransomware spreading from PC to PC inside the office.',
    remediation:
      'Intune > Endpoint security > Firewall > Create policy > Windows > Windows Firewall: enable Domain, Private and Public profiles, default inbound action Block, and block local rule merging unless needed. For Macs deploy a configuration profile enabling the firewall with stealth mode. Find devices where it was switched off through the RMM firewall monitor.',
    evidenceSource: 'RMM monitor or Intune report (fact endpoint.host_firewall_enabled_ratio, share of managed computers with the firewall on for all profiles; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'endpoint.host_firewall_enabled_ratio', operator: 'gte', threshold: 1, partialFrom: 0.8, maxEvidenceAgeDays: 14 },
    },
    mappings: {
      'cis-v8-ig1': ['4.4', '4.5'],
      'nist-csf-2': ['PR.IR-01'],
      'cyber-essentials': ['A4.1.1', 'A4.11'],
    },
  },
  {
    key: 'endpoint.application_control',
    name: 'Application control on workstations',
    category: 'endpoint',
    severity: 'medium',
    description: 'Workstations only run approved programs, scripts and installers (App Control for Business, AppLocker, ThreatLocker or similar), including from user profile and temp folders.',
    rationale: 'Most malware arrives as a program the user is tricked into running from Downloads or a temp folder. An allow list means unknown programs simply do not start.',
    remediation:
      'Start in audit mode: Intune > Endpoint security > App Control for Business with "Trust apps with good reputation" and Intune managed installer, or deploy ThreatLocker / AppLocker through the RMM in learning mode for 2-4 weeks. Review blocks, approve business software, then switch to enforce. Keep an approval process for new software requests.',
    evidenceSource: 'Intune or application control console (fact device_policy.application_control_enforced, boolean: enforced, not audit-only, on all workstations; pushed by the facts API)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'device_policy.application_control_enforced', expected: true, maxEvidenceAgeDays: 60 } },
    mappings: {
      'cis-v8-ig1': ['2.3'],
      'nist-csf-2': ['PR.PS-05'],
      'essential-eight': ['ISM-0843', 'ISM-1870', 'ISM-1657'],
      'cyber-essentials': ['A8.1', 'A8.4', 'A8.5'],
      'hipaa-security': ['164.308(a)(5)(ii)(B)'],
    },
  },
  {
    key: 'endpoint.browser_hardening',
    name: 'Web browsers hardened',
    category: 'endpoint',
    severity: 'low',
    description: 'A central policy hardens web browsers: Internet Explorer 11 disabled, Java and web ads not processed from the internet, SmartScreen on, and users cannot change these settings.',
    rationale: 'The browser is where staff meet the internet. Ads and old plug-ins deliver malware, and locking the settings keeps protections from being switched off by a prompt.',
    remediation:
      'Intune > Devices > Configuration > Settings catalog: Microsoft Edge "Configure Microsoft Defender SmartScreen" = Enabled and "Prevent bypassing Microsoft Defender SmartScreen prompts for sites" = Enabled; Windows Components "Disable Internet Explorer 11 as a standalone browser" = Enabled; block ad and Java content through DNS filtering or an ad-block extension force-installed by policy. Do the same for Chrome with Chrome Enterprise policies.',
    evidenceSource: 'Intune, Group Policy or RMM policy report (fact device_policy.browser_hardening_enforced, boolean; pushed by the facts API)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'device_policy.browser_hardening_enforced', expected: true, maxEvidenceAgeDays: 60 } },
    mappings: {
      'nist-csf-2': ['PR.PS-01'],
      'essential-eight': ['ISM-1654', 'ISM-1486', 'ISM-1485', 'ISM-1585'],
    },
  },
  {
    key: 'endpoint.mobile_devices_managed',
    name: 'Mobile devices managed and compliant',
    category: 'endpoint',
    severity: 'medium',
    description: 'At least 95% of phones and tablets that access company email and files are enrolled in MDM (or covered by app protection policies) and compliant: passcode, encryption, current OS, remote wipe possible.',
    rationale: 'Phones carry the same email and files as the laptop and get lost far more often. Management means a PIN is required and a lost phone can be wiped.',
    remediation:
      'Intune > Devices > Compliance policies for iOS/iPadOS and Android: require a 6-digit passcode, auto-lock after 2 minutes, encryption, and a minimum OS version. Enroll company phones through Apple Business Manager / Android Enterprise; cover personal phones with App protection policies for Outlook and Teams. Add a Conditional Access rule "Require compliant device or approved client app" for mobile platforms.',
    evidenceSource: 'Intune or MDM console (fact mdm.compliant_mobile_ratio, share of mobile devices accessing company data that are managed and compliant; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'mdm.compliant_mobile_ratio', operator: 'gte', threshold: 0.95, partialFrom: 0.6, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'cis-v8-ig1': ['4.1', '4.3'],
      'nist-csf-2': ['PR.PS-01', 'PR.DS-01'],
      'cyber-essentials': ['A5.9', 'A5.10'],
      'hipaa-security': ['164.310(d)(1)', '164.312(a)(2)(iv)'],
    },
  },
];

const email: ControlDefinition[] = [
  {
    key: 'email.spf_strict',
    name: 'SPF record with hard fail',
    category: 'email',
    severity: 'medium',
    description: 'Every email domain of the client publishes exactly one SPF record that lists its senders and ends in "-all".',
    rationale: 'SPF tells other mail servers which services may send as the business. Without a strict record, anyone can send convincing fake invoices from the company\'s own address.',
    remediation:
      'Publish a single TXT record at the domain root listing every service that sends mail, for Microsoft 365: "v=spf1 include:spf.protection.outlook.com -all" (add includes for the newsletter tool, CRM or accounting software). Merge duplicate SPF records into one and keep it under 10 DNS lookups. For domains that never send mail publish "v=spf1 -all".',
    evidenceSource: 'Public DNS (TXT record at each client domain, looked up by Rampart)',
    evaluator: { kind: 'dns', params: { record: 'spf', allowSoftFail: false } },
    mappings: {
      'nist-csf-2': ['PR.PS-01'],
    },
  },
  {
    key: 'email.dmarc_enforced',
    name: 'DMARC policy at quarantine or reject',
    category: 'email',
    severity: 'high',
    description: 'Every email domain of the client publishes a DMARC record with policy "quarantine" or "reject" applied to all mail.',
    rationale: 'DMARC tells receiving mail servers what to do with email that fakes the company\'s domain. At "none" it only watches; at quarantine or reject, spoofed mail goes to spam or is refused.',
    remediation:
      'Start with "v=DMARC1; p=none; rua=mailto:dmarc@example.com" at _dmarc.example.com, review the aggregate reports for 2-4 weeks (or use a DMARC reporting service) and fix SPF/DKIM for every legitimate sender. Then publish "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com" (no pct, or pct=100) and later move to p=reject. Parked domains get "v=DMARC1; p=reject".',
    evidenceSource: 'Public DNS (TXT record at _dmarc.<domain> for each client domain, looked up by Rampart)',
    evaluator: { kind: 'dns', params: { record: 'dmarc', minimumPolicy: 'quarantine', requireFullCoverage: true } },
    mappings: {
      'nist-csf-2': ['PR.PS-01'],
    },
  },
  {
    key: 'email.dkim_published',
    name: 'DKIM signing published',
    category: 'email',
    severity: 'medium',
    description: 'Every email domain of the client publishes a DKIM key under one of the common selectors (selector1 or selector2 for Microsoft 365, google for Google Workspace, or default).',
    rationale: 'DKIM puts a tamper-proof signature on outgoing mail, so receivers can check it really came from the business and was not changed on the way. DMARC needs it to work reliably.',
    remediation:
      'Microsoft 365: Defender portal > Email & collaboration > Policies & rules > Threat policies > Email authentication settings > DKIM, select the domain, publish the two CNAME records it shows (selector1._domainkey and selector2._domainkey) and switch "Sign messages for this domain with DKIM signatures" on. Google Workspace: Admin console > Apps > Google Workspace > Gmail > Authenticate email, generate a 2048-bit key, publish the google._domainkey TXT record and click Start authentication.',
    evidenceSource: 'Public DNS (TXT at <selector>._domainkey.<domain> for each client domain, looked up by Rampart)',
    evaluator: { kind: 'dns', params: { record: 'dkim', selectors: ['selector1', 'selector2', 'google', 'default'] } },
    mappings: {
      'nist-csf-2': ['PR.PS-01', 'PR.DS-02'],
      'hipaa-security': ['164.312(e)(2)(i)'],
    },
  },
  {
    key: 'email.external_forwarding_blocked',
    name: 'Automatic forwarding to outside addresses blocked',
    category: 'email',
    severity: 'high',
    description: 'Mailbox rules and forwarding settings cannot automatically forward email to addresses outside the organisation.',
    rationale: 'After breaking into a mailbox, attackers set a quiet forwarding rule so they keep receiving invoices and conversations even after the password is changed. Blocking external auto-forwarding cuts that off.',
    remediation:
      'Microsoft Defender portal > Email & collaboration > Policies & rules > Threat policies > Anti-spam > Anti-spam outbound policy (Default) > Forwarding rules: Automatic forwarding = "Off - Forwarding is disabled". Also Exchange admin center > Mail flow > Remote domains > Default: clear "Allow automatic forwarding". Allow a specific partner through a separate outbound policy only when documented.',
    evidenceSource: 'Microsoft 365 (fact m365.external_autoforward_blocked, boolean; pushed by the facts API or collected from the Exchange Online outbound spam policy and remote domains)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'm365.external_autoforward_blocked', expected: true, maxEvidenceAgeDays: 30 } },
    mappings: {
      'nist-csf-2': ['PR.DS-02'],
      'hipaa-security': ['164.312(e)(1)'],
    },
  },
  {
    key: 'email.filtering_enabled',
    name: 'Inbound email filtering',
    category: 'email',
    severity: 'high',
    description: 'All inbound mail passes through a filtering service for spam, phishing and malware (Defender for Office 365, Proofpoint, Mimecast, SpamTitan or similar), with its protection policies on.',
    rationale: 'Email is how most attacks reach staff. Good filtering removes the bulk of phishing and malware before anyone has the chance to click.',
    remediation:
      'With Microsoft 365 Business Premium or Defender for Office 365: Defender portal > Email & collaboration > Policies & rules > Threat policies > Preset security policies, apply Standard (or Strict) protection to all recipients. With a third-party gateway, point the MX records at it and lock down Exchange Online so it accepts inbound mail only from the gateway (connector restricted by IP or certificate).',
    evidenceSource: 'Email security platform (fact email_security.filtering_enabled, boolean; pushed by the facts API or collected from Exchange Online preset policies)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'email_security.filtering_enabled', expected: true, maxEvidenceAgeDays: 30 } },
    mappings: {
      'nist-csf-2': ['DE.CM-01', 'DE.CM-09'],
      'hipaa-security': ['164.308(a)(5)(ii)(B)'],
    },
  },
  {
    key: 'email.link_attachment_scanning',
    name: 'Links and attachments checked at click time',
    category: 'email',
    severity: 'medium',
    description: 'Attachments are opened in a sandbox before delivery and links are re-checked when clicked (Safe Attachments and Safe Links, or the gateway\'s equivalent).',
    rationale: 'Attackers send clean links that turn malicious after delivery, and attachments that only misbehave when opened. Click-time checks catch what the first scan missed.',
    remediation:
      'Defender portal > Email & collaboration > Policies & rules > Threat policies: confirm Safe Attachments (action Block, Dynamic Delivery allowed) and Safe Links (on for email, Teams and Office apps, "Do not let users click through") apply to all users, via the Standard preset policy. For third-party gateways enable URL rewriting and attachment sandboxing.',
    evidenceSource: 'Email security platform (fact email_security.link_attachment_scanning_enabled, boolean; pushed by the facts API)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'email_security.link_attachment_scanning_enabled', expected: true, maxEvidenceAgeDays: 30 } },
    mappings: {
      'nist-csf-2': ['DE.CM-09'],
      'hipaa-security': ['164.308(a)(5)(ii)(B)'],
    },
  },
  {
    key: 'email.message_encryption',
    name: 'Encrypted email available',
    category: 'email',
    severity: 'medium',
    description: 'Staff can send encrypted email to outside recipients (Microsoft Purview Message Encryption or the gateway\'s secure mail), and a rule or label encrypts mail containing health or financial data.',
    rationale: 'Normal email can be read along the way and ends up in places nobody controls. Businesses sending patient, client or payment details need an easy way to encrypt them.',
    remediation:
      'Microsoft 365: check Purview Message Encryption is active (Get-IRMConfiguration shows AzureRMSLicensingEnabled True), then add an Exchange mail flow rule "Apply Office 365 Message Encryption" when the subject contains [secure] or a sensitive information type is detected. Show staff the Encrypt button in Outlook.',
    evidenceSource: 'Microsoft 365 or email gateway (fact email_security.encryption_available, boolean; pushed by the facts API)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'email_security.encryption_available', expected: true, maxEvidenceAgeDays: 90 } },
    mappings: {
      'nist-csf-2': ['PR.DS-02'],
      'hipaa-security': ['164.312(e)(1)', '164.312(e)(2)(ii)'],
    },
  },
];

const backup: ControlDefinition[] = [
  {
    key: 'backup.recent_success',
    name: 'Backups succeeding',
    category: 'backup',
    severity: 'critical',
    description: 'The client\'s backup system reported a successful backup within the last 2 days.',
    rationale: 'Backups are what bring a business back after ransomware, a failed disk or an accidental deletion. Failed jobs often go unnoticed until the day they are needed.',
    remediation:
      'Open the backup console (Datto, Veeam, Axcient, Cove, Acronis), look at the failing jobs and fix the cause (storage full, credentials changed, VSS errors, agent offline). Make sure failures create tickets in the PSA automatically and someone reviews them every morning.',
    evidenceSource: 'Backup platform (fact backup.last_success_at, ISO date of the most recent successful backup job; pushed by the facts API or a backup integration)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'backup.last_success_at', maxAgeDays: 2, graceDays: 3 } },
    mappings: {
      'cis-v8-ig1': ['11.2'],
      'nist-csf-2': ['PR.DS-11'],
      'essential-eight': ['ISM-1511'],
      'hipaa-security': ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
    },
  },
  {
    key: 'backup.servers_backed_up',
    name: 'Every server backed up',
    category: 'backup',
    severity: 'critical',
    description: 'Every server seen in the last 30 days has a successful backup from the last 2 days.',
    rationale: 'A backup system can look healthy while one server was never added to it. Checking each server catches the forgotten one before it is the one that fails.',
    remediation:
      'Add missing servers to the backup policy (image-level backup for physical servers and VMs, with application-aware processing for SQL and Exchange), fix failing jobs, and make sure the backup status field syncs into the PSA or RMM asset record.',
    evidenceSource: 'RMM, PSA or backup integration (asset lastBackupAt on servers)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['server'],
        conditions: [{ field: 'lastBackupAt', op: 'within_days', value: 2 }],
        passAt: 1,
        failBelow: 0.5,
        seenWithinDays: 30,
        whenNoAssets: 'not_applicable',
      },
    },
    mappings: {
      'cis-v8-ig1': ['11.2'],
      'nist-csf-2': ['PR.DS-11'],
      'essential-eight': ['ISM-1511'],
      'hipaa-security': ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
    },
  },
  {
    key: 'backup.m365_backed_up',
    name: 'Microsoft 365 data backed up',
    category: 'backup',
    severity: 'high',
    description: 'Exchange Online, OneDrive, SharePoint and Teams data is backed up by a third-party cloud backup that succeeded within the last 2 days.',
    rationale: 'Microsoft keeps the service running but does not promise to restore data a user, attacker or ransomware deleted beyond short retention windows. Most small businesses now keep nearly everything in Microsoft 365.',
    remediation:
      'Set up a Microsoft 365 backup (Datto SaaS Protection, Veeam Backup for Microsoft 365, Dropsuite, Afi, or Microsoft 365 Backup) covering all mailboxes, OneDrives, SharePoint sites and Teams with auto-add of new users, and alert failures into the PSA.',
    evidenceSource: 'SaaS backup platform (fact m365_backup.last_success_at, ISO date of the most recent fully successful run; pushed by the facts API)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'm365_backup.last_success_at', maxAgeDays: 2, graceDays: 3 } },
    mappings: {
      'cis-v8-ig1': ['11.2'],
      'nist-csf-2': ['PR.DS-11'],
      'essential-eight': ['ISM-1511'],
      'hipaa-security': ['164.308(a)(7)(ii)(A)'],
    },
  },
  {
    key: 'backup.restore_tested',
    name: 'Restore tested quarterly',
    category: 'backup',
    severity: 'high',
    description: 'A test restore of real data (files, a server or a VM boot) was completed and verified within the last 90 days.',
    rationale: 'A backup that cannot be restored is worthless, and the worst time to find out is during an emergency. Regular test restores prove the data and the procedure work.',
    remediation:
      'Each quarter restore a sample of files and, at least once a year, a whole server (or use the platform\'s automated screenshot / boot verification). Check the restored data opens, note how long it took, and record the date via the facts API or the PSA ticket as backup.last_restore_test_at.',
    evidenceSource: 'Backup platform or MSP test record (fact backup.last_restore_test_at, ISO date; pushed by the facts API)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'backup.last_restore_test_at', maxAgeDays: 90, graceDays: 30 } },
    mappings: {
      'cis-v8-ig1': ['11.1'],
      'nist-csf-2': ['PR.DS-11', 'RC.RP-03'],
      'essential-eight': ['ISM-1515'],
      'hipaa-security': ['164.308(a)(7)(ii)(D)'],
    },
  },
  {
    key: 'backup.offsite_immutable_copy',
    name: 'Offsite, immutable backup copy',
    category: 'backup',
    severity: 'high',
    description: 'At least one copy of the backups is kept offsite (cloud or another site) and cannot be changed or deleted before its retention ends (immutable or air-gapped).',
    rationale: 'Ransomware gangs look for backups first and delete them. A copy they cannot reach or erase is what makes recovery possible without paying.',
    remediation:
      'Enable cloud replication in the backup platform (Datto Cloud, Axcient, Cove) or a Veeam copy job to a hardened Linux repository or object storage with Object Lock (Wasabi, Backblaze B2, Azure immutable blob) for at least 14 days. Keep the offsite copy under separate credentials from the production domain.',
    evidenceSource: 'Backup platform (fact backup.immutable_offsite_copy, boolean; pushed by the facts API or a technician)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'backup.immutable_offsite_copy', expected: true, maxEvidenceAgeDays: 90 } },
    mappings: {
      'cis-v8-ig1': ['11.3', '11.4'],
      'nist-csf-2': ['PR.DS-11'],
      'essential-eight': ['ISM-1811', 'ISM-1814'],
      'hipaa-security': ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
    },
  },
  {
    key: 'backup.console_mfa',
    name: 'Backup console protected by MFA',
    category: 'backup',
    severity: 'high',
    description: 'Every login to the backup management console and cloud portal requires MFA, and backup admin accounts are separate from domain accounts.',
    rationale: 'Whoever gets into the backup console can delete every backup in minutes. Attackers go after it with stolen passwords before launching ransomware.',
    remediation:
      'In the backup vendor portal enforce MFA (or SSO with MFA) for every user, remove shared and former-staff logins, and use accounts that are not joined to or stored in the client\'s Active Directory. For Veeam enable MFA for console users and the Four-eyes authorization for deletions.',
    evidenceSource: 'Backup platform (fact backup.console_mfa_enabled, boolean; pushed by the facts API or a technician)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'backup.console_mfa_enabled', expected: true, maxEvidenceAgeDays: 90 } },
    mappings: {
      'cis-v8-ig1': ['6.5', '11.3'],
      'nist-csf-2': ['PR.DS-11', 'PR.AA-03'],
      'essential-eight': ['ISM-1679', 'ISM-1811'],
      'cyber-essentials': ['A7.14', 'A7.16'],
      'hipaa-security': ['164.312(d)'],
    },
  },
  {
    key: 'backup.retention',
    name: 'Backups kept at least 30 days',
    category: 'backup',
    severity: 'medium',
    description: 'Backups can be restored from points at least 30 days back.',
    rationale: 'Ransomware and data corruption are often discovered weeks later. With only a few days of history, every backup may already contain the damage.',
    remediation:
      'Set the backup retention policy to keep daily points for at least 30 days (and monthly points for a year where storage allows; longer where regulation requires, e.g. 6 years of HIPAA documentation). Check the cloud copy has the same or longer retention.',
    evidenceSource: 'Backup platform (fact backup.retention_days, whole number of days of restore points kept; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'backup.retention_days', operator: 'gte', threshold: 30, partialFrom: 7, maxEvidenceAgeDays: 90 },
    },
    mappings: {
      'cis-v8-ig1': ['11.1'],
      'nist-csf-2': ['PR.DS-11'],
      'essential-eight': ['ISM-1511'],
      'hipaa-security': ['164.308(a)(7)(ii)(A)'],
    },
  },
  {
    key: 'backup.disaster_recovery_plan',
    name: 'Disaster recovery plan',
    category: 'backup',
    severity: 'medium',
    description: 'The client attests to a written disaster recovery plan: which systems come back first, how long that may take, how the business keeps working meanwhile, and who to call.',
    rationale: 'In a fire, flood or ransomware attack, nobody should be deciding priorities for the first time. A short plan agreed in advance shortens the outage and avoids expensive mistakes.',
    remediation:
      'With the owner, list critical systems and data with the acceptable downtime and data loss for each, the restore order and method (local appliance, cloud virtualisation), emergency-mode workarounds (paper forms, phone diversion), and contacts (MSP, insurer, key vendors). Store a copy outside the company systems and review it yearly.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'cis-v8-ig1': ['11.1'],
      'nist-csf-2': ['RC.RP-01', 'ID.IM-04'],
      'hipaa-security': ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(B)', '164.308(a)(7)(ii)(C)', '164.308(a)(7)(ii)(E)'],
    },
  },
];

const network: ControlDefinition[] = [
  {
    key: 'network.firewall_firmware_current',
    name: 'Firewall firmware current',
    category: 'network',
    severity: 'high',
    description: 'The office firewall / VPN gateway runs a firmware version its vendor still supports, with no released security fix outstanding for more than 14 days.',
    rationale: 'Firewalls and VPNs face the internet directly, and their known holes are scanned for and exploited within days. Outdated firmware on them is one of the most common ways ransomware gets in.',
    remediation:
      'Check the vendor\'s advisories (FortiGuard PSIRT, SonicWall PSIRT, WatchGuard, Meraki dashboard), schedule the firmware upgrade in a maintenance window after a config backup, and subscribe the MSP to the vendor\'s security notifications. Enable automatic firmware updates where the platform supports it (Meraki, UniFi, FortiGate automatic patch upgrades).',
    evidenceSource: 'Firewall management platform or technician check (fact firewall.firmware_current, boolean; pushed by the facts API)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'firewall.firmware_current', expected: true, maxEvidenceAgeDays: 30 } },
    mappings: {
      'cis-v8-ig1': ['12.1'],
      'nist-csf-2': ['PR.PS-02'],
      'essential-eight': ['ISM-1877', 'ISM-1694'],
      'cyber-essentials': ['A6.4'],
    },
  },
  {
    key: 'network.devices_under_support',
    name: 'Network devices under vendor support',
    category: 'network',
    severity: 'medium',
    description: 'Every firewall, switch and access point seen in the last 30 days has a support or security subscription that runs for at least 30 more days.',
    rationale: 'Without an active support or security subscription, many firewalls stop receiving firmware updates and threat signatures, so they quietly stop protecting.',
    remediation:
      'Renew the support/UTM licence (FortiCare, SonicWall Secure Upgrade Plus, Meraki licensing, WatchGuard Total Security) before it ends, or replace end-of-life models. Record the licence end date in the PSA configuration record\'s warranty field so it syncs here.',
    evidenceSource: 'PSA configuration records (asset warrantyEndsAt on network devices, holding the support or licence end date)',
    evaluator: {
      kind: 'asset_share',
      params: {
        kinds: ['network'],
        conditions: [{ field: 'warrantyEndsAt', op: 'future_days', value: 30 }],
        passAt: 1,
        failBelow: 0.5,
        seenWithinDays: 30,
        whenNoAssets: 'no_data',
      },
    },
    mappings: {
      'cis-v8-ig1': ['12.1'],
      'nist-csf-2': ['ID.AM-08', 'PR.PS-03'],
      'essential-eight': ['ISM-1501'],
      'cyber-essentials': ['A6.1'],
    },
  },
  {
    key: 'network.remote_access_mfa',
    name: 'Remote access requires MFA',
    category: 'network',
    severity: 'critical',
    description: 'Every way to reach the office network from outside (VPN, remote desktop gateway, remote access tools) requires multi-factor authentication.',
    rationale: 'A VPN protected only by a password is a front door key that can be phished or guessed. Stolen VPN logins are among the most common ways ransomware crews get in.',
    remediation:
      'Put MFA on the VPN: SAML/Entra ID sign-in on the firewall\'s SSL VPN (FortiGate, SonicWall, WatchGuard all support it) or RADIUS with the Entra MFA NPS extension or Duo. Remove direct RDP port forwards and retire remote tools without MFA; enforce MFA in the RMM\'s remote access and any ScreenConnect / TeamViewer accounts.',
    evidenceSource: 'Firewall configuration review (fact firewall.vpn_mfa_enforced, boolean; pushed by the facts API or a technician)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'firewall.vpn_mfa_enforced', expected: true, maxEvidenceAgeDays: 90 } },
    mappings: {
      'cis-v8-ig1': ['6.4'],
      'nist-csf-2': ['PR.AA-03'],
      'essential-eight': ['ISM-1504'],
      'cyber-essentials': ['A5.7'],
      'hipaa-security': ['164.312(d)'],
    },
  },
  {
    key: 'network.firewall_admin_not_exposed',
    name: 'Firewall management not open to the internet',
    category: 'network',
    severity: 'high',
    description: 'The firewall\'s administration page (HTTPS/SSH) cannot be reached from the internet, except through an IP allow list with MFA.',
    rationale: 'Exposed firewall admin pages are attacked constantly and have had many critical holes. If the management page is not reachable, those holes cannot be used from outside.',
    remediation:
      'Disable HTTPS/SSH administration on the WAN interface (FortiGate: interface > Administrative Access; SonicWall: WAN zone management off) and manage through the vendor cloud (FortiCloud, Meraki, WatchGuard Cloud) or over the VPN. If WAN admin must stay, restrict it to the MSP\'s static IPs as trusted hosts and require MFA.',
    evidenceSource: 'External scan or firewall configuration review (fact firewall.wan_management_exposed, boolean; pushed by the facts API)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'firewall.wan_management_exposed', expected: false, maxEvidenceAgeDays: 30 } },
    mappings: {
      'cis-v8-ig1': ['4.2', '4.6'],
      'nist-csf-2': ['PR.IR-01'],
      'cyber-essentials': ['A4.8', 'A4.10'],
    },
  },
  {
    key: 'network.no_risky_ports_exposed',
    name: 'No risky services exposed to the internet',
    category: 'network',
    severity: 'critical',
    description: 'An external scan of the client\'s public IP addresses finds no remote desktop (RDP), SMB, Telnet, database or similar risky service open to the internet.',
    rationale: 'Remote desktop and file sharing open to the internet are hammered by password guessing and exploits every minute. They are the single most common first step in small-business ransomware.',
    remediation:
      'Remove the port-forward / virtual IP rules for RDP (3389), SMB (445), Telnet (23), SQL (1433, 3306) and similar on the firewall, and provide remote access through the VPN with MFA or a zero-trust remote tool. Re-scan to confirm, and document any remaining internet-facing service with its business reason.',
    evidenceSource: 'External vulnerability scanner (fact external_scan.risky_port_count, whole number of risky open services found on the client\'s public IPs; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'external_scan.risky_port_count', operator: 'lte', threshold: 0, partialFrom: null, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'cis-v8-ig1': ['4.2', '4.4'],
      'nist-csf-2': ['PR.IR-01', 'ID.RA-01'],
      'cyber-essentials': ['A4.5', 'A4.6', 'A4.7'],
    },
  },
  {
    key: 'network.external_vulnerability_scan',
    name: 'External vulnerability scan monthly',
    category: 'network',
    severity: 'medium',
    description: 'The client\'s internet-facing IP addresses and services were scanned for vulnerabilities within the last 30 days.',
    rationale: 'What attackers see from the internet changes whenever someone adds a port forward or a device falls behind on updates. A monthly scan finds it before they do.',
    remediation:
      'Schedule a monthly external scan of all public IPs and domains in the MSP\'s scanner (ConnectSecure, RapidFireTools, Nessus, Qualys), create PSA tickets for findings rated high or critical, and fix them within 14 days.',
    evidenceSource: 'External vulnerability scanner (fact external_scan.last_completed_at, ISO date of the last completed scan; pushed by the facts API)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'external_scan.last_completed_at', maxAgeDays: 30, graceDays: 15 } },
    mappings: {
      'cis-v8-ig1': ['7.1', '7.2'],
      'nist-csf-2': ['ID.RA-01'],
      'hipaa-security': ['164.308(a)(8)', '164.308(a)(1)(ii)(A)'],
    },
  },
  {
    key: 'network.dns_filtering',
    name: 'DNS filtering on all devices',
    category: 'network',
    severity: 'medium',
    description: 'At least 95% of devices resolve internet names through a DNS filtering service that blocks malicious and phishing sites, in the office and on the road.',
    rationale: 'DNS filtering stops a click on a phishing link or a malware download before the site even loads, and it keeps working for laptops away from the office.',
    remediation:
      'Deploy a DNS filter (DNSFilter, Cisco Umbrella, Cloudflare Gateway, Defender for Endpoint network protection) with the roaming agent installed by the RMM on every computer, point the office firewall\'s DNS to it, block outbound DNS to anywhere else, and enable the security categories (malware, phishing, newly registered domains).',
    evidenceSource: 'DNS filtering console (fact dns_filter.protected_device_ratio, share of managed devices with an active roaming agent or covered site; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'dns_filter.protected_device_ratio', operator: 'gte', threshold: 0.95, partialFrom: 0.6, maxEvidenceAgeDays: 30 },
    },
    mappings: {
      'cis-v8-ig1': ['9.2'],
      'nist-csf-2': ['DE.CM-01', 'PR.IR-01'],
      'cyber-essentials': ['A8.3'],
      'hipaa-security': ['164.308(a)(5)(ii)(B)'],
    },
  },
  {
    key: 'network.default_credentials_changed',
    name: 'Default passwords changed on network devices',
    category: 'network',
    severity: 'medium',
    description: 'The client or MSP attests that no firewall, router, switch, access point, printer or camera still uses its factory default admin username or password, and the new ones are stored in the password vault.',
    rationale: 'Factory passwords are published in manuals and tried automatically by attackers and botnets. One forgotten device with "admin/admin" can give control of the network.',
    remediation:
      'Walk the network inventory, log in to each device\'s admin interface, set a unique strong password (or disable the default account and create a named one), store it in the MSP\'s documentation/password vault (IT Glue, Hudu), and repeat the check for every new device at install time.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'cis-v8-ig1': ['4.7'],
      'nist-csf-2': ['PR.AA-01', 'PR.PS-01'],
      'cyber-essentials': ['A4.2', 'A4.3', 'A5.3'],
    },
  },
  {
    key: 'network.guest_wifi_isolated',
    name: 'Guest Wi-Fi separated from the business network',
    category: 'network',
    severity: 'medium',
    description: 'Guest and personal-device Wi-Fi is on its own network that cannot reach business computers, servers or printers.',
    rationale: 'Visitors\' and staff\'s personal phones are not managed. Keeping them off the business network means an infected guest device cannot reach company data.',
    remediation:
      'Create a separate guest SSID on its own VLAN with client isolation and internet-only firewall rules (block RFC1918 destinations), rotate its password regularly or use a captive portal, and keep the business SSID for managed devices only.',
    evidenceSource: 'Wireless controller or technician check (fact wifi.guest_network_isolated, boolean; pushed by the facts API)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'wifi.guest_network_isolated', expected: true, maxEvidenceAgeDays: 180 } },
    mappings: {
      'nist-csf-2': ['PR.IR-01'],
      'hipaa-security': ['164.312(a)(1)'],
    },
  },
  {
    key: 'network.wifi_security_current',
    name: 'No outdated Wi-Fi security',
    category: 'network',
    severity: 'low',
    description: 'No business wireless network is open or uses WEP, WPA (TKIP) or WPS; all use WPA2-AES, WPA3 or WPA2/3-Enterprise.',
    rationale: 'Old Wi-Fi security can be broken in minutes from the car park. Current standards keep outsiders off the network and stop them reading traffic.',
    remediation:
      'In the wireless controller (UniFi, Meraki, Aruba Instant On, FortiAP) set every business SSID to WPA2/WPA3 with AES only, disable WPS, and consider WPA2/3-Enterprise with Entra ID or RADIUS so leavers lose Wi-Fi access with their account.',
    evidenceSource: 'Wireless controller or technician check (fact wifi.legacy_security_enabled, boolean; pushed by the facts API)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'wifi.legacy_security_enabled', expected: false, maxEvidenceAgeDays: 180 } },
    mappings: {
      'nist-csf-2': ['PR.IR-01', 'PR.DS-02'],
      'hipaa-security': ['164.312(e)(1)'],
    },
  },
];

const data: ControlDefinition[] = [
  {
    key: 'data.audit_logging_enabled',
    name: 'Microsoft 365 audit log on',
    category: 'data',
    severity: 'high',
    description: 'Unified audit logging is on in Microsoft 365, so sign-ins, mailbox access, file sharing and admin changes are recorded.',
    rationale: 'After a break-in, the audit log is how you learn what the attacker read, sent or downloaded. That answers whether the business must notify clients or regulators. Without it, nobody can tell.',
    remediation:
      'Microsoft Purview portal > Solutions > Audit: if a banner says recording is off, choose "Start recording user and admin activity" (or run Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true in Exchange Online PowerShell). Confirm mailbox auditing is on by default (Get-OrganizationConfig | fl AuditDisabled shows False).',
    evidenceSource: 'Microsoft 365 (fact m365.unified_audit_log_enabled, boolean; pushed by the facts API or collected from Exchange Online)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'm365.unified_audit_log_enabled', expected: true, maxEvidenceAgeDays: 30 } },
    mappings: {
      'cis-v8-ig1': ['8.1', '8.2'],
      'nist-csf-2': ['PR.PS-04', 'DE.CM-03'],
      'hipaa-security': ['164.312(b)'],
    },
  },
  {
    key: 'data.log_retention',
    name: 'Security logs kept at least 90 days',
    category: 'data',
    severity: 'medium',
    description: 'Audit and security logs (Microsoft 365, firewall, servers, EDR) are kept for at least 90 days in a place an attacker on the network cannot erase.',
    rationale: 'Break-ins are often discovered weeks or months later. If the logs have already rolled over, the investigation, insurance claim and breach notice all rest on guesswork.',
    remediation:
      'Forward firewall and server logs to the MSP\'s SIEM or log service (Blumira, Perch, Sentinel, Graylog) with 90+ days of retention; use Microsoft 365 E5/Purview Audit Premium or an export to keep M365 audit logs beyond the default; check the EDR console retention. Keep a year where regulations or the insurer require it.',
    evidenceSource: 'SIEM or log platform (fact logging.retention_days, whole number of days the shortest-kept security log source is retained; pushed by the facts API)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'logging.retention_days', operator: 'gte', threshold: 90, partialFrom: 30, maxEvidenceAgeDays: 90 },
    },
    mappings: {
      'cis-v8-ig1': ['8.3'],
      'nist-csf-2': ['PR.PS-04'],
      'hipaa-security': ['164.312(b)'],
    },
  },
  {
    key: 'data.log_review',
    name: 'Security logs and alerts reviewed',
    category: 'data',
    severity: 'medium',
    description: 'Someone (the MSP\'s SOC, an MDR service or a technician) reviewed the client\'s security logs and sign-in alerts within the last 30 days.',
    rationale: 'Logs nobody reads do not stop anything. Regular review spots suspicious sign-ins, new forwarding rules or disabled antivirus while there is still time to act.',
    remediation:
      'Route Entra ID risky sign-in alerts, Microsoft 365 alert policies and EDR alerts into the PSA or SOC, and have a technician review the client\'s sign-in and audit reports monthly (or rely on a 24x7 MDR/SOC service). Record the review date via the facts API as logging.last_review_at.',
    evidenceSource: 'SOC/MDR report or MSP review record (fact logging.last_review_at, ISO date; pushed by the facts API)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'logging.last_review_at', maxAgeDays: 30, graceDays: 14 } },
    mappings: {
      'nist-csf-2': ['DE.AE-02', 'DE.CM-03'],
      'hipaa-security': ['164.308(a)(1)(ii)(D)', '164.308(a)(5)(ii)(C)'],
    },
  },
  {
    key: 'data.external_sharing_restricted',
    name: 'Anonymous file sharing links disabled',
    category: 'data',
    severity: 'medium',
    description: 'SharePoint and OneDrive do not allow "Anyone" links, so every shared file requires the recipient to sign in or verify their email.',
    rationale: '"Anyone with the link" files end up forwarded, indexed and forgotten. Requiring the recipient to identify themselves keeps client files with the people they were meant for.',
    remediation:
      'SharePoint admin center > Policies > Sharing: set the SharePoint and OneDrive slider to "New and existing guests" (or stricter), default link type "Specific people", and guest access expiry at 30-90 days. Review existing anonymous links with the sharing report.',
    evidenceSource: 'Microsoft 365 (fact m365.anonymous_sharing_enabled, boolean; pushed by the facts API or collected from the SharePoint tenant settings)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'm365.anonymous_sharing_enabled', expected: false, maxEvidenceAgeDays: 30 } },
    mappings: {
      'cis-v8-ig1': ['3.3'],
      'nist-csf-2': ['PR.AA-05', 'PR.DS-01'],
      'hipaa-security': ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
    },
  },
  {
    key: 'data.dlp_policy',
    name: 'Data loss prevention for sensitive data',
    category: 'data',
    severity: 'low',
    description: 'A Microsoft Purview (or equivalent) data loss prevention policy in enforce mode warns about or blocks sharing of sensitive data such as health records, card numbers or national ID numbers.',
    rationale: 'Most data leaks are mistakes: the wrong attachment, the wrong recipient. DLP catches the obvious ones before they leave and shows staff what counts as sensitive.',
    remediation:
      'Microsoft Purview portal > Data loss prevention > Policies > Create policy from a template for the client\'s data (U.S. HIPAA, PCI DSS, GDPR, Australian Privacy Act), scope it to Exchange, SharePoint, OneDrive and Teams, run in simulation for two weeks, then turn it on with policy tips for users.',
    evidenceSource: 'Microsoft 365 (fact m365.dlp_policy_enabled, boolean: at least one DLP policy enforced; pushed by the facts API or collected from Purview)',
    evaluator: { kind: 'boolean_fact', params: { fact: 'm365.dlp_policy_enabled', expected: true, maxEvidenceAgeDays: 90 } },
    mappings: {
      'nist-csf-2': ['PR.DS-01', 'PR.DS-02'],
      'hipaa-security': ['164.312(e)(1)'],
    },
  },
  {
    key: 'data.data_inventory',
    name: 'Sensitive data inventory',
    category: 'data',
    severity: 'medium',
    description: 'The client attests to a current list of the sensitive data it holds (client, patient, employee, payment data), where each lives, who owns it and how long it is kept, reviewed in the last year.',
    rationale: 'You cannot protect data you do not know you have. Knowing where sensitive data lives decides what to back up, encrypt and restrict, and what to report after a breach.',
    remediation:
      'With the owner, list each kind of sensitive data, the systems and locations that hold it (line-of-business app, SharePoint sites, file shares, email, paper), its owner, sensitivity and retention period. Keep it in the documentation tool and review it yearly or when a new system is introduced.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'cis-v8-ig1': ['3.1', '3.2'],
      'nist-csf-2': ['ID.AM-07'],
      'hipaa-security': ['164.308(a)(7)(ii)(E)'],
    },
  },
  {
    key: 'data.retention_enforced',
    name: 'Data retention schedule applied',
    category: 'data',
    severity: 'low',
    description: 'The client attests that data is kept only as long as its retention schedule says, and that Microsoft 365 retention policies or a periodic clean-up enforce it.',
    rationale: 'Old data that is no longer needed is pure risk: it can leak but earns nothing. Keeping what law requires and deleting the rest shrinks the damage of any breach.',
    remediation:
      'Agree retention periods per data type with the owner (for example tax records 7 years, patient records per state law, applicant CVs 1 year), configure Microsoft Purview > Data lifecycle management > Retention policies for mailboxes and sites accordingly, and schedule a yearly clean-up of file shares.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'cis-v8-ig1': ['3.4'],
      'nist-csf-2': ['PR.DS-01'],
    },
  },
  {
    key: 'data.secure_disposal',
    name: 'Secure disposal of devices and media',
    category: 'data',
    severity: 'medium',
    description: 'The client attests that retired computers, drives, phones and printers are wiped or physically destroyed before reuse or disposal, with a record (certificate of destruction) kept.',
    rationale: 'Old drives sold or recycled without wiping regularly turn up full of client and patient data. A certificate proves the data was destroyed.',
    remediation:
      'Wipe devices before reuse (Intune Wipe / Autopilot Reset, macOS Erase All Content, or NIST 800-88 purge tools for drives), send drives and failed disks to a certified e-waste vendor that issues certificates of destruction, and record each disposal against the asset in the PSA before marking it retired.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'cis-v8-ig1': ['3.5'],
      'nist-csf-2': ['PR.PS-03', 'PR.DS-01'],
      'hipaa-security': ['164.310(d)(2)(i)', '164.310(d)(2)(ii)'],
    },
  },
];

const awareness: ControlDefinition[] = [
  {
    key: 'awareness.training_completion',
    name: 'Security awareness training completed',
    category: 'awareness',
    severity: 'high',
    description: 'At least 90% of staff completed the assigned security awareness training in the current cycle (phishing, passwords and MFA, handling sensitive data, reporting incidents, updates, public Wi-Fi).',
    rationale: 'Staff are the target of most attacks. Short, regular training teaches them to spot a fake invoice or login page and to report it instead of clicking.',
    remediation:
      'Enroll every user in the training platform (KnowBe4, Huntress SAT, Breach Secure Now, Microsoft Attack Simulation Training) with automatic sync from Entra ID, assign an annual core course plus monthly short modules, include new starters within 30 days, and send reminders through managers for overdue users.',
    evidenceSource: 'Training platform (fact training.completion_ratio, share of active staff who completed assigned training in the current cycle; pushed by the facts API or an integration)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'training.completion_ratio', operator: 'gte', threshold: 0.9, partialFrom: 0.5, maxEvidenceAgeDays: 45 },
    },
    mappings: {
      'cis-v8-ig1': ['14.1', '14.3', '14.4', '14.5', '14.6', '14.7', '14.8'],
      'nist-csf-2': ['PR.AT-01'],
      'hipaa-security': ['164.308(a)(5)(i)', '164.308(a)(5)(ii)(A)'],
    },
  },
  {
    key: 'awareness.phishing_simulation_recent',
    name: 'Phishing simulation run quarterly',
    category: 'awareness',
    severity: 'medium',
    description: 'A simulated phishing campaign was sent to staff within the last 90 days.',
    rationale: 'Practising on harmless fake phishing emails keeps people alert and shows who needs more help, before a real attacker finds them.',
    remediation:
      'Schedule at least quarterly (ideally monthly, randomised) simulations in the training platform with realistic templates (invoices, shared documents, Microsoft login pages), automatically assign a short course to anyone who clicks, and allow-list the simulator in the email filter per the vendor\'s guide.',
    evidenceSource: 'Training platform (fact phishing.last_simulation_at, ISO date the last campaign was sent; pushed by the facts API or an integration)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'phishing.last_simulation_at', maxAgeDays: 90, graceDays: 30 } },
    mappings: {
      'cis-v8-ig1': ['14.2'],
      'nist-csf-2': ['PR.AT-01'],
      'hipaa-security': ['164.308(a)(5)(ii)(A)'],
    },
  },
  {
    key: 'awareness.phishing_click_rate',
    name: 'Low phishing click rate',
    category: 'awareness',
    severity: 'medium',
    description: 'In the latest phishing simulations, at most 5% of recipients clicked the link or opened the attachment.',
    rationale: 'The click rate shows how likely a real phishing email is to work. Each percentage point is people who would have handed over a password or started malware.',
    remediation:
      'Give repeat clickers targeted micro-training, run monthly simulations of mixed difficulty, deploy a "Report phishing" button in Outlook and praise reporting, and look at which templates catch people to shape the next training.',
    evidenceSource: 'Training platform (fact phishing.click_ratio, share of recipients who clicked over the last 90 days of simulations; pushed by the facts API or an integration)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'phishing.click_ratio', operator: 'lte', threshold: 0.05, partialFrom: 0.2, maxEvidenceAgeDays: 120 },
    },
    mappings: {
      'cis-v8-ig1': ['14.2'],
      'nist-csf-2': ['PR.AT-01'],
      'hipaa-security': ['164.308(a)(5)(ii)(A)'],
    },
  },
  {
    key: 'awareness.phishing_report_rate',
    name: 'Staff report phishing',
    category: 'awareness',
    severity: 'low',
    description: 'In the latest phishing simulations, at least 30% of recipients reported the email with the report button.',
    rationale: 'One person reporting a phishing email early lets IT pull it from everyone\'s inbox. A reporting habit turns staff into an early-warning system.',
    remediation:
      'Deploy the built-in Outlook "Report" button (Microsoft 365 Defender > Settings > Email & collaboration > User reported settings) or the training vendor\'s add-in to all users, route reports to the MSP, thank reporters quickly, and cover reporting in every training module.',
    evidenceSource: 'Training platform (fact phishing.report_ratio, share of simulation recipients who reported it over the last 90 days; pushed by the facts API or an integration)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'phishing.report_ratio', operator: 'gte', threshold: 0.3, partialFrom: 0.05, maxEvidenceAgeDays: 120 },
    },
    mappings: {
      'cis-v8-ig1': ['14.6'],
      'nist-csf-2': ['PR.AT-01'],
      'hipaa-security': ['164.308(a)(6)(ii)'],
    },
  },
  {
    key: 'awareness.acceptable_use_acknowledged',
    name: 'Acceptable use policy signed by staff',
    category: 'awareness',
    severity: 'low',
    description: 'The client attests that every staff member has read and signed the acceptable use policy (use of company devices, email, internet, personal devices, consequences of misuse) in the last year.',
    rationale: 'People follow rules they know about. A signed policy sets clear expectations and gives the business footing when someone ignores them.',
    remediation:
      'Adapt an acceptable use template with the owner, collect signatures at onboarding and yearly (the training platform\'s policy module, Microsoft Forms, or an e-signature tool), and store the records with HR.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'cis-v8-ig1': ['14.1'],
      'nist-csf-2': ['GV.RR-04', 'GV.PO-01'],
      'hipaa-security': ['164.310(b)', '164.308(a)(1)(ii)(C)'],
    },
  },
];

const governance: ControlDefinition[] = [
  {
    key: 'governance.security_policy',
    name: 'Written information security policy',
    category: 'governance',
    severity: 'medium',
    description: 'The client attests to a written information security policy, approved by the owner in the last year and available to all staff, covering access, devices, data, backups, incidents and sanctions for breaking it.',
    rationale: 'A written policy is what insurers, auditors and larger customers ask for first. It also makes decisions consistent instead of depending on who happens to be asked.',
    remediation:
      'Start from the MSP\'s small-business policy template (or the CIS or SANS templates), tailor it with the owner, have it signed and dated, share it with staff, and put a yearly review on the calendar through the PSA\'s recurring tickets.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'nist-csf-2': ['GV.PO-01', 'GV.PO-02'],
      'hipaa-security': ['164.316(a)', '164.316(b)(1)', '164.316(b)(2)(ii)', '164.316(b)(2)(iii)', '164.308(a)(1)(ii)(C)'],
    },
  },
  {
    key: 'governance.security_officer_assigned',
    name: 'Security responsibility assigned',
    category: 'governance',
    severity: 'low',
    description: 'The client attests that a named person is responsible for information security decisions (the owner or a manager, with the MSP as adviser) and that staff know who it is.',
    rationale: 'When security is everybody\'s job it is nobody\'s. A named person approves risks, signs off policies and is the contact when something goes wrong.',
    remediation:
      'Record the security officer\'s name and deputy in the security policy and in the PSA client record, and include them in the incident response contact list and quarterly business reviews.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'nist-csf-2': ['GV.RR-02'],
      'hipaa-security': ['164.308(a)(2)'],
    },
  },
  {
    key: 'governance.incident_response_plan',
    name: 'Incident response plan',
    category: 'governance',
    severity: 'high',
    description: 'The client attests to a written incident response plan, reviewed in the last year, naming who leads, who to call (MSP, insurer hotline, lawyer, authorities) and how staff report a suspected incident.',
    rationale: 'In the first hours of a ransomware attack or email compromise, decisions made in panic cost the most. A plan agreed in advance says who does what and whom to call, including the insurer, whose rules often decide what gets paid.',
    remediation:
      'Fill in the MSP\'s incident response template with the client: incident lead and deputy, contact list (MSP, cyber insurer breach hotline, legal counsel, bank, regulators), how staff report (phone number, email address), first steps for ransomware and email compromise, and notification duties. Print a copy, store one outside company systems, and review it yearly.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'cis-v8-ig1': ['17.1', '17.2', '17.3'],
      'nist-csf-2': ['ID.IM-04', 'RS.MA-01', 'RS.CO-02'],
      'hipaa-security': ['164.308(a)(6)(i)', '164.308(a)(6)(ii)'],
    },
  },
  {
    key: 'governance.incident_response_tested',
    name: 'Incident response plan exercised yearly',
    category: 'governance',
    severity: 'medium',
    description: 'The incident response plan was tested with a tabletop exercise or real incident review within the last year, and lessons were fed back into it.',
    rationale: 'An untested plan usually fails on a detail: a missing phone number, an unreachable backup, unclear authority. An hour-long tabletop exercise finds those gaps cheaply.',
    remediation:
      'Run a one-hour tabletop with the owner and key staff on a realistic scenario (ransomware on the file server, or a compromised mailbox sending fake invoices), walk through the plan step by step, record gaps as PSA tickets, update the plan, and record the date via the facts API as ir_plan.last_tested_at.',
    evidenceSource: 'MSP exercise record (fact ir_plan.last_tested_at, ISO date of the last tabletop or post-incident review; pushed by the facts API)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'ir_plan.last_tested_at', maxAgeDays: 365, graceDays: 60 } },
    mappings: {
      'nist-csf-2': ['ID.IM-02', 'ID.IM-04'],
      'hipaa-security': ['164.308(a)(6)(ii)', '164.308(a)(7)(ii)(D)'],
    },
  },
  {
    key: 'governance.risk_assessment',
    name: 'Yearly security risk assessment',
    category: 'governance',
    severity: 'high',
    description: 'A security risk assessment covering the client\'s systems and sensitive data (for healthcare clients, the HIPAA risk analysis) was completed in the last 12 months, with a risk management plan.',
    rationale: 'A risk assessment shows where the real weak spots are so money goes where it matters. For healthcare businesses it is mandatory, and its absence is the most common finding in HIPAA enforcement.',
    remediation:
      'Run the assessment (HHS Security Risk Assessment Tool, NIST CSF-based questionnaire, or the MSP\'s assessment platform), combine it with the scans and controls in Rampart, agree a prioritised remediation plan with the owner, and record the completion date via the facts API as risk_assessment.completed_at.',
    evidenceSource: 'MSP or assessor record (fact risk_assessment.completed_at, ISO date of the completed assessment; pushed by the facts API)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'risk_assessment.completed_at', maxAgeDays: 365, graceDays: 30 } },
    mappings: {
      'nist-csf-2': ['ID.RA-03', 'ID.RA-04', 'ID.RA-05', 'ID.RA-06'],
      'hipaa-security': ['164.308(a)(1)(i)', '164.308(a)(1)(ii)(A)', '164.308(a)(1)(ii)(B)', '164.308(a)(8)'],
    },
  },
  {
    key: 'governance.m365_secure_score',
    name: 'Microsoft Secure Score above 60%',
    category: 'governance',
    severity: 'medium',
    description: 'The tenant\'s Microsoft Secure Score is at least 60% of the points available for its licenses.',
    rationale: 'Secure Score sums up dozens of Microsoft 365 security settings in one number. A low score means many recommended protections are still off.',
    remediation:
      'Microsoft Defender portal > Exposure management > Secure Score > Recommended actions: sort by score impact, apply the identity and Exchange actions first (MFA, legacy auth, Safe Links/Attachments, audit log), and mark actions handled by a third-party tool as "Resolved through third party" so the score reflects reality.',
    evidenceSource: 'Microsoft 365 (fact m365.secure_score_ratio, current score divided by maximum score; pushed by the facts API or collected from Graph secureScores)',
    evaluator: {
      kind: 'numeric_threshold',
      params: { fact: 'm365.secure_score_ratio', operator: 'gte', threshold: 0.6, partialFrom: 0.3, maxEvidenceAgeDays: 14 },
    },
    mappings: {
      'nist-csf-2': ['ID.RA-01', 'ID.IM-01'],
      'hipaa-security': ['164.308(a)(8)'],
    },
  },
  {
    key: 'governance.asset_inventory_reviewed',
    name: 'Hardware inventory reviewed twice a year',
    category: 'governance',
    severity: 'medium',
    description: 'The list of the client\'s computers, servers, network devices and phones in the PSA was checked against reality (who has what, what was retired, what is unknown) within the last 6 months.',
    rationale: 'Devices nobody knows about are never patched or backed up. A twice-yearly check keeps the inventory that every other control relies on honest.',
    remediation:
      'Compare the PSA configuration records with RMM, Intune, Entra ID devices and the network scan (DHCP leases, switch MAC tables); add missing devices, retire gone ones, and deal with unknown devices (enroll, isolate or remove). Record the date via the facts API as inventory.hardware_reviewed_at.',
    evidenceSource: 'MSP review record (fact inventory.hardware_reviewed_at, ISO date; pushed by the facts API)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'inventory.hardware_reviewed_at', maxAgeDays: 180, graceDays: 30 } },
    mappings: {
      'cis-v8-ig1': ['1.1', '1.2'],
      'nist-csf-2': ['ID.AM-01'],
      'hipaa-security': ['164.310(d)(2)(iii)'],
    },
  },
  {
    key: 'governance.software_inventory_reviewed',
    name: 'Software inventory reviewed twice a year',
    category: 'governance',
    severity: 'medium',
    description: 'The list of software and cloud services the client uses was reviewed within the last 6 months, with unapproved or unsupported software removed.',
    rationale: 'Forgotten programs and free cloud tools nobody approved are where holes and data leaks hide. Knowing what runs is the start of keeping it patched.',
    remediation:
      'Export installed software from the RMM and the Entra ID enterprise applications / OAuth consents list, review it with the owner, uninstall or block unapproved items, record the business owner of each cloud service, and record the date via the facts API as inventory.software_reviewed_at.',
    evidenceSource: 'MSP review record (fact inventory.software_reviewed_at, ISO date; pushed by the facts API)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'inventory.software_reviewed_at', maxAgeDays: 180, graceDays: 30 } },
    mappings: {
      'cis-v8-ig1': ['2.1', '2.2', '2.3'],
      'nist-csf-2': ['ID.AM-02'],
      'cyber-essentials': ['A5.1', 'A6.2', 'A6.2.1', 'A6.2.2', 'A6.2.3', 'A6.2.4'],
    },
  },
  {
    key: 'governance.vendor_inventory_reviewed',
    name: 'Vendor list reviewed yearly',
    category: 'governance',
    severity: 'low',
    description: 'The list of vendors and service providers that hold the client\'s data or have access to its systems was reviewed within the last year.',
    rationale: 'Many breaches come through a supplier: an accounting firm, a software vendor with remote access. Knowing who they are is the first step to holding them to a standard.',
    remediation:
      'List each provider with its service, the data or access it has, the contract owner and contact, and whether a security or business associate agreement is in place; remove access of vendors no longer used. Record the date via the facts API as inventory.vendors_reviewed_at.',
    evidenceSource: 'MSP review record (fact inventory.vendors_reviewed_at, ISO date; pushed by the facts API)',
    evaluator: { kind: 'fact_freshness', params: { fact: 'inventory.vendors_reviewed_at', maxAgeDays: 365, graceDays: 60 } },
    mappings: {
      'cis-v8-ig1': ['15.1'],
      'nist-csf-2': ['ID.AM-04', 'GV.SC-04'],
    },
  },
  {
    key: 'governance.business_associate_agreements',
    name: 'Business associate agreements in place',
    category: 'governance',
    severity: 'high',
    description: 'For clients handling health data: the client attests that every vendor that creates, receives, keeps or transmits its ePHI (including the MSP, cloud, backup and email providers) has signed a business associate agreement.',
    rationale: 'HIPAA makes the practice answerable for what its vendors do with patient data. Without a signed agreement, a vendor\'s breach becomes the practice\'s violation.',
    remediation:
      'From the vendor list, mark every vendor with access to ePHI, collect a signed BAA from each (Microsoft includes one in its Product Terms; the MSP and backup vendor sign their own), store them with the compliance records, and check new vendors before they get access.',
    evidenceSource: 'Attestation by the client or the MSP, renewed yearly',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'nist-csf-2': ['GV.SC-05'],
      'hipaa-security': ['164.308(b)(1)', '164.308(b)(3)', '164.314(a)(1)', '164.314(a)(2)(i)'],
    },
  },
  {
    key: 'governance.cyber_insurance',
    name: 'Cyber insurance in force',
    category: 'governance',
    severity: 'medium',
    description: 'The client attests to a current cyber insurance policy whose cover fits the business, and that the answers on its application (MFA, backups, EDR) are true.',
    rationale: 'A serious incident costs small businesses tens of thousands in recovery, lost work and notification. Insurance shares that cost, but only pays out if the security claimed on the application is real.',
    remediation:
      'Review the policy with the client and their broker each renewal: limits for ransomware, business interruption and social-engineering fraud, the insurer\'s breach hotline, and the security questionnaire answers, checked against Rampart\'s results. Add the hotline to the incident response plan.',
    evidenceSource: 'Attestation by the client, renewed at each policy renewal (at most yearly)',
    evaluator: { kind: 'attestation', params: { maxAgeDays: 365 } },
    mappings: {
      'nist-csf-2': ['ID.RA-06'],
    },
  },
];

/** Every built-in control, grouped by category. */
export const BUILTIN_CONTROLS: readonly ControlDefinition[] = [...identity, ...endpoint, ...email, ...backup, ...network, ...data, ...awareness, ...governance];
