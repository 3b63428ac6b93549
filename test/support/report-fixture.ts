import { sampleLogo } from './images.js';

import type { ControlCategory, Severity } from '../../src/controls/catalog/control-definition.js';
import type { FailingAsset, ResultStatus } from '../../src/controls/evaluators/evaluator.js';
import { executiveSummary } from '../../src/reports/content/executive-summary.js';
import { methodology } from '../../src/reports/content/methodology.js';
import type { PageSize, ReportBranding, ReportContent, ReportDocument, ReportSection, SectionType } from '../../src/reports/model/report-model.js';
import { formatDate, formatPercent, formatScore } from '../../src/reports/render/format.js';
import type { ChangeDirection } from '../../src/scorecards/client/result-changes.js';
import { requirementStatus } from '../../src/scorecards/client/statement-of-applicability.js';
import type {
  CategoryScoreDto,
  ChangesDto,
  ClientScorecardDto,
  ScorecardControlResultDto,
  ScorecardFrameworkDto,
  QbrMarkDto,
  StatementRequirementDto,
  ResultChangeDto,
  ScorecardExceptionDto,
  StatementOfApplicabilityDto,
  TrendDto,
  TrendPointDto,
} from '../../src/scorecards/dto/client-scorecard.dto.js';
import { gradeFor, roundScore, scoreResults } from '../../src/scoring/scoring.js';

/*
 * A full quarterly review for one client, as the report generator would gather it: 40 controls over
 * every category, 12 to fix, accepted risks, a trend with two QBRs, a statement of applicability,
 * and one control failing on 150 assets. The figures come from the real scoring formula, so they
 * agree with each other the way the API's do.
 */

const RUN_AT = '2026-11-23T06:00:00.000Z';
const GENERATED_AT = new Date('2026-11-23T09:30:00.000Z');
const LAST_QBR_AT = '2026-08-12T14:00:00.000Z';
const FIRST_QBR_AT = '2026-05-20T10:00:00.000Z';
const CLIENT_ID = uuid(1);
const RUN_ID = uuid(2);

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

interface ControlSpec {
  key: string;
  name: string;
  category: ControlCategory;
  severity: Severity;
  status: ResultStatus;
  fraction?: number;
  summary: string;
  remediation?: string | null;
  assets?: FailingAsset[];
  notApplicableReason?: string;
}

const people = ['j.weber', 'm.fischer', 'a.schneider', 'l.hoffmann', 's.koch', 't.richter', 'k.wolf', 'p.neumann', 'c.schwarz', 'd.zimmermann', 'e.braun', 'f.krueger', 'g.hartmann', 'h.lange'];

function assets(prefix: string, count: number, reason: (index: number) => string): FailingAsset[] {
  return Array.from({ length: count }, (_, index) => ({ id: uuid(10_000 + prefix.length * 1000 + index), name: `${prefix}-${String(index + 1).padStart(3, '0')}`, reason: reason(index) }));
}

const PATCH_REASONS = [
  'Missing 3 security updates (KB5046613, KB5046617, KB5043080); last successful patch run 41 days ago',
  'Pending reboot since 2 Nov 2026; updates installed but not active',
  'Patch policy not assigned in the RMM',
  'Windows Update service disabled by a local policy',
  'Missing the November cumulative update; device offline during the maintenance window',
];

const CONTROLS: ControlSpec[] = [
  // Identity
  {
    key: 'identity.mfa_all_users',
    name: 'MFA registered for all users',
    category: 'identity',
    severity: 'critical',
    status: 'partial',
    fraction: 0.86,
    summary: '43 of 50 enabled users have registered a second factor',
    remediation:
      'In the Entra admin center open Protection > Authentication methods > User registration details and filter "Multifactor authentication capable: Not capable". Turn on the registration campaign for Microsoft Authenticator so the remaining users are prompted at their next sign-in, then enforce MFA with Security Defaults or a Conditional Access policy.\n\nFollow up personally with each remaining user: most of them are shared front-desk accounts that should be converted to named accounts first. Exclude only the two emergency access accounts, and record why in the client\'s documentation.',
    assets: people.slice(0, 7).map((user, index) => ({ id: uuid(500 + index), name: `${user}@mueller-gmbh.example`, reason: 'No authentication method registered besides the password' })),
  },
  { key: 'identity.mfa_admins', name: 'MFA registered for all administrators', category: 'identity', severity: 'critical', status: 'pass', summary: 'All 3 administrators have registered MFA' },
  { key: 'identity.mfa_policy_enforced', name: 'MFA enforced by Conditional Access or Security Defaults', category: 'identity', severity: 'critical', status: 'pass', summary: 'Conditional Access policy "Require MFA for all users" is on' },
  {
    key: 'identity.legacy_auth_blocked',
    name: 'Legacy authentication blocked',
    category: 'identity',
    severity: 'high',
    status: 'fail',
    summary: 'Legacy authentication is allowed; 3 mailboxes signed in over IMAP in the last 30 days',
    remediation:
      'Create a Conditional Access policy that blocks the "Exchange ActiveSync clients" and "Other clients" client app conditions for all users, start it in report-only mode for a week and check the sign-in logs for anything that still depends on legacy protocols (old multifunction printers scanning to email are the usual suspects). Move those devices to SMTP AUTH with an app-specific mailbox or to the Microsoft 365 SMTP relay, then switch the policy on. Finally disable IMAP and POP per mailbox with Set-CASMailbox for every user who does not need them.',
  },
  { key: 'identity.few_global_admins', name: 'Few Global Administrators', category: 'identity', severity: 'high', status: 'pass', summary: '2 Global Administrators' },
  { key: 'identity.separate_admin_accounts', name: 'Admin accounts are separate from everyday accounts', category: 'identity', severity: 'medium', status: 'pass', summary: 'All administrators use dedicated admin accounts' },
  { key: 'identity.inactive_accounts_disabled', name: 'Inactive accounts disabled', category: 'identity', severity: 'medium', status: 'pass', summary: 'No enabled account has been inactive for more than 45 days' },
  { key: 'identity.password_manager', name: 'Business password manager in use', category: 'identity', severity: 'low', status: 'pass', summary: 'Password manager licensed for 48 of 50 users' },
  // Endpoint
  {
    key: 'endpoint.edr_active',
    name: 'EDR / antivirus active on every endpoint',
    category: 'endpoint',
    severity: 'critical',
    status: 'partial',
    fraction: 0.875,
    summary: '14 of 16 workstations have EDR active',
    remediation:
      'Open the EDR console and list devices without an active agent. Reinstall the agent on each from the RMM (the deployment script is in the client\'s runbook), and check that it reports in within the hour. If a device cannot take the agent, isolate it from the network until it can be replaced.',
    assets: [
      { id: uuid(600), name: 'WS-EMPFANG-02', reason: 'Agent installed but protection disabled since 14 Nov 2026' },
      { id: uuid(601), name: 'WS-LAGER-01', reason: 'No EDR agent installed' },
    ],
  },
  { key: 'endpoint.av_definitions', name: 'Antivirus definitions current', category: 'endpoint', severity: 'high', status: 'pass', summary: 'Definitions updated within 24 hours on all protected devices' },
  {
    key: 'endpoint.supported_os_workstations',
    name: 'Workstations run a supported operating system',
    category: 'endpoint',
    severity: 'high',
    status: 'fail',
    summary: '9 workstations still run Windows 10, out of support since 14 October 2025',
    remediation:
      'Check each Windows 10 workstation against the Windows 11 hardware requirements (TPM 2.0, a supported CPU). Upgrade the eligible ones in place through the RMM\'s feature update policy, outside office hours, after a full backup. Quote replacements for the rest: the business owner needs to approve the budget before the next review. Until they are gone, enrol the remaining devices in Extended Security Updates so they keep receiving security fixes.',
    assets: assets('WS-W10', 9, (index) => `Windows 10 Pro 22H2 (build 19045.${5000 + index * 37}); ${index % 3 === 0 ? 'CPU not supported by Windows 11' : 'eligible for an in-place upgrade'}`),
  },
  { key: 'endpoint.supported_os_servers', name: 'Servers run a supported operating system', category: 'endpoint', severity: 'high', status: 'pass', summary: 'Both servers run Windows Server 2022' },
  {
    key: 'endpoint.os_patches',
    name: 'Operating system patches installed',
    category: 'endpoint',
    severity: 'high',
    status: 'partial',
    fraction: 0.29,
    summary: 'Security updates are missing on 150 of 212 managed devices',
    remediation:
      '1. In the RMM, open the patch compliance report for this client and sort by days since the last successful patch run.\n2. Assign the standard workstation patch policy to every device without one; most of the devices listed in the appendix have no policy at all since the migration in September.\n3. Schedule a catch-up window this weekend with forced reboots, and warn the office manager a day ahead.\n4. For devices with the Windows Update service disabled, remove the local group policy that disables it and run the remediation script from the runbook.\n\nRe-check on Monday: the control passes once at least 95% of devices have no missing security update older than 14 days. Devices that stay offline for more than 30 days should be retired from the inventory rather than left failing.',
    assets: assets('DEV', 150, (index) => PATCH_REASONS[index % PATCH_REASONS.length]!),
  },
  {
    key: 'endpoint.disk_encryption',
    name: 'Workstation disks encrypted',
    category: 'endpoint',
    severity: 'high',
    status: 'partial',
    fraction: 0.9,
    summary: '108 of 120 workstations have BitLocker enabled',
    remediation:
      'Turn on BitLocker through the Intune disk encryption policy (Endpoint security > Disk encryption) and make sure recovery keys are escrowed to Entra ID before encryption starts. Devices without a TPM need a startup PIN; list them for the client.',
    assets: assets('WS-ENC', 12, () => 'BitLocker off on the system drive'),
  },
  { key: 'endpoint.devices_checking_in', name: 'Devices checking in to management', category: 'endpoint', severity: 'medium', status: 'pass', summary: 'All devices checked in within 7 days' },
  { key: 'endpoint.users_not_admins', name: 'Users are not local administrators', category: 'endpoint', severity: 'high', status: 'excepted', summary: '2 users are local administrators on CAD workstations' },
  { key: 'endpoint.usb_autoplay', name: 'USB storage and AutoPlay controlled', category: 'endpoint', severity: 'medium', status: 'pass', summary: 'AutoPlay disabled and USB storage blocked by policy' },
  { key: 'endpoint.mobile_devices', name: 'Mobile devices managed and compliant', category: 'endpoint', severity: 'medium', status: 'not_applicable', summary: 'No company-owned mobile devices', notApplicableReason: 'The client has no company-owned phones or tablets' },
  // Email
  { key: 'email.spf_hard_fail', name: 'SPF record with hard fail', category: 'email', severity: 'medium', status: 'pass', summary: 'mueller-gmbh.example publishes v=spf1 ... -all' },
  {
    key: 'email.dmarc_enforced',
    name: 'DMARC policy at quarantine or reject',
    category: 'email',
    severity: 'high',
    status: 'fail',
    summary: 'DMARC policy is p=none on mueller-gmbh.example',
    remediation:
      'Review the DMARC aggregate reports for the last 30 days and confirm every legitimate sender (Microsoft 365, the newsletter tool, the accounting software) passes SPF or DKIM alignment. Then change the DMARC record to p=quarantine with pct=25, raise it to 100 over two weeks, and move to p=reject once no legitimate mail is affected.',
  },
  { key: 'email.dkim', name: 'DKIM signing published', category: 'email', severity: 'medium', status: 'pass', summary: 'DKIM selectors published and signing enabled' },
  { key: 'email.auto_forwarding_blocked', name: 'Automatic forwarding to outside addresses blocked', category: 'email', severity: 'high', status: 'pass', summary: 'Outbound spam policy blocks automatic forwarding' },
  { key: 'email.inbound_filtering', name: 'Inbound email filtering', category: 'email', severity: 'high', status: 'pass', summary: 'Defender for Office 365 Plan 1 filtering inbound mail' },
  // Backup
  { key: 'backup.succeeding', name: 'Backups succeeding', category: 'backup', severity: 'critical', status: 'pass', summary: 'All backup jobs succeeded in the last 24 hours' },
  { key: 'backup.m365', name: 'Microsoft 365 data backed up', category: 'backup', severity: 'high', status: 'no_data', summary: 'No evidence from the Microsoft 365 backup integration yet' },
  {
    key: 'backup.restore_tested',
    name: 'Restore tested quarterly',
    category: 'backup',
    severity: 'high',
    status: 'fail',
    summary: 'The last recorded restore test was on 2 September 2025, 14 months ago',
    remediation:
      'Schedule a restore test this quarter: restore one file share, one mailbox and the ERP database to an isolated test location, time each restore, and have the office manager confirm the restored data is complete. Record the test (date, what was restored, how long it took, who confirmed it) as an attestation in Rampart so the control can pass, and book the next test three months out.',
  },
  {
    key: 'backup.offsite_immutable',
    name: 'Offsite, immutable backup copy',
    category: 'backup',
    severity: 'critical',
    status: 'fail',
    summary: 'Backups are copied to a NAS in the same building; no immutable offsite copy',
    remediation:
      'Add an offsite copy job to the backup software targeting object storage with object lock (immutability) of at least 30 days, in a different region from the office. Use separate credentials for the storage account that are not stored on any domain-joined machine. Seed the first copy over a weekend, then check that the copy job succeeds daily.',
  },
  { key: 'backup.retention_30_days', name: 'Backups kept at least 30 days', category: 'backup', severity: 'medium', status: 'pass', summary: 'Retention set to 60 days' },
  // Network
  {
    key: 'network.firewall_firmware',
    name: 'Firewall firmware current',
    category: 'network',
    severity: 'medium',
    status: 'fail',
    summary: 'Both firewalls run firmware 7.0.12; 7.0.15 fixes a critical SSL VPN vulnerability',
    remediation: 'Update both firewalls to the current recommended firmware in a maintenance window, after exporting the configuration. Update the secondary unit first and fail over to test it before updating the primary.',
    assets: [
      { id: uuid(700), name: 'FW-MUC-01', reason: 'Firmware 7.0.12, vendor recommends 7.0.15 or later' },
      { id: uuid(701), name: 'FW-MUC-02', reason: 'Firmware 7.0.12, vendor recommends 7.0.15 or later' },
    ],
  },
  { key: 'network.remote_access_mfa', name: 'Remote access requires MFA', category: 'network', severity: 'critical', status: 'pass', summary: 'VPN requires MFA for all users' },
  { key: 'network.no_risky_services', name: 'No risky services exposed to the internet', category: 'network', severity: 'high', status: 'pass', summary: 'External scan found no RDP, SMB or Telnet exposed' },
  { key: 'network.guest_wifi_separated', name: 'Guest Wi-Fi separated from the business network', category: 'network', severity: 'medium', status: 'excepted', summary: 'Guest Wi-Fi shares the office VLAN' },
  { key: 'network.legacy_vpn_retired', name: 'Legacy VPN appliance retired (custom control)', category: 'network', severity: 'medium', status: 'fail', summary: 'The old PPTP appliance still answers on port 1723', remediation: null },
  // Data
  { key: 'data.anonymous_links_disabled', name: 'Anonymous file sharing links disabled', category: 'data', severity: 'high', status: 'pass', summary: 'SharePoint sharing limited to existing guests' },
  { key: 'data.audit_log', name: 'Microsoft 365 audit log on', category: 'data', severity: 'medium', status: 'pass', summary: 'Unified audit log enabled' },
  { key: 'data.secure_disposal', name: 'Secure disposal of devices and media', category: 'data', severity: 'low', status: 'pass', summary: 'Disposal certificates on file for 2026' },
  // Awareness
  {
    key: 'awareness.training_completed',
    name: 'Security awareness training completed',
    category: 'awareness',
    severity: 'medium',
    status: 'partial',
    fraction: 0.72,
    summary: '36 of 50 staff completed this year\'s training',
    remediation: 'Send a reminder from the training platform to everyone who has not finished the course, copying their manager, and set a deadline two weeks out. Report the completion rate to the managing director at the next review.',
    assets: people.slice(0, 14).map((user, index) => ({ id: uuid(800 + index), name: `${user}@mueller-gmbh.example`, reason: index % 2 === 0 ? 'Training not started' : 'Training started, 2 of 5 modules done' })),
  },
  { key: 'awareness.phishing_simulation', name: 'Phishing simulation run quarterly', category: 'awareness', severity: 'medium', status: 'excepted', summary: 'No simulation this quarter' },
  { key: 'awareness.acceptable_use', name: 'Acceptable use policy signed by staff', category: 'awareness', severity: 'low', status: 'pass', summary: '50 of 50 staff signed' },
  // Governance
  { key: 'governance.incident_response_plan', name: 'Incident response plan', category: 'governance', severity: 'high', status: 'pass', summary: 'Plan reviewed on 3 March 2026' },
  { key: 'governance.risk_assessment', name: 'Yearly security risk assessment', category: 'governance', severity: 'medium', status: 'pass', summary: 'Assessment completed on 18 January 2026' },
];

const EXCEPTIONS: { key: string; owner: string; reason: string; compensatingControl: string | null; expiresAt: string; state: 'active' | 'expired' }[] = [
  {
    key: 'endpoint.users_not_admins',
    owner: 'Anna Schmidt (Operations)',
    reason: 'Two CAD workstations need local administrator rights for the licence dongle driver of the design software.',
    compensatingControl: 'Admin rights only on the two CAD machines; EDR in block mode; no email on those accounts',
    expiresAt: '2027-03-31T00:00:00.000Z',
    state: 'active',
  },
  {
    key: 'network.guest_wifi_separated',
    owner: 'Jonas Müller (Managing Director)',
    reason: 'The branch office runs on the ISP router until the new firewall is installed in the first quarter.',
    compensatingControl: null,
    expiresAt: '2027-01-31T00:00:00.000Z',
    state: 'active',
  },
  {
    key: 'awareness.phishing_simulation',
    owner: 'Jonas Müller (Managing Director)',
    reason: 'Simulations paused during the ERP migration to avoid confusing staff.',
    compensatingControl: 'Extra awareness briefing for the accounts team',
    expiresAt: '2026-12-31T00:00:00.000Z',
    state: 'active',
  },
  {
    key: 'endpoint.usb_autoplay',
    owner: 'Anna Schmidt (Operations)',
    reason: 'Warehouse scanners copied data over USB sticks until the new scanners arrived.',
    compensatingControl: 'USB sticks issued and logged by IT only',
    expiresAt: '2026-10-31T00:00:00.000Z',
    state: 'expired',
  },
];

function buildControls(): { controls: ScorecardControlResultDto[]; score: ReturnType<typeof scoreResults> } {
  const results = CONTROLS.map((spec, index) => ({
    controlId: uuid(100 + index),
    status: spec.status,
    fraction: spec.status === 'pass' ? 1 : spec.status === 'fail' ? 0 : (spec.fraction ?? null),
    severity: spec.severity,
    weight: 1,
  }));
  const score = scoreResults(results);
  const controls = CONTROLS.map((spec, index): ScorecardControlResultDto => {
    const scored = score.controls[index]!;
    const exception = EXCEPTIONS.find((item) => item.key === spec.key && spec.status === 'excepted');
    return {
      controlId: results[index]!.controlId,
      key: spec.key,
      name: spec.name,
      category: spec.category,
      severity: spec.severity,
      weight: 1,
      status: spec.status,
      fraction: results[index]!.fraction,
      points: scored.points,
      earned: scored.earned,
      pointsRecoverable: scored.pointsRecoverable,
      summary: spec.summary,
      evidence: { observedAt: RUN_AT },
      failingAssets: spec.assets ?? [],
      exception: exception ? { id: uuid(300 + EXCEPTIONS.indexOf(exception)), owner: exception.owner, reason: exception.reason, compensatingControl: exception.compensatingControl, expiresAt: exception.expiresAt, scope: 'client' } : null,
      notApplicableReason: spec.notApplicableReason ?? null,
      remediation: spec.remediation === undefined ? 'Follow the runbook for this control.' : spec.remediation,
    };
  });
  // The API lists controls not passing first, by points recoverable.
  controls.sort((a, b) => Number(a.status === 'pass') - Number(b.status === 'pass') || b.pointsRecoverable - a.pointsRecoverable || a.name.localeCompare(b.name));
  return { controls, score };
}

function categoryScores(controls: readonly ScorecardControlResultDto[]): CategoryScoreDto[] {
  const categories = [...new Set(controls.map((control) => control.category))];
  return categories.map((category) => {
    const mine = controls.filter((control) => control.category === category);
    const score = scoreResults(mine.map((control) => ({ controlId: control.controlId, status: control.status, fraction: control.fraction, severity: control.severity, weight: control.weight })));
    return { category, score: score.score, grade: score.grade, counts: score.counts, pointsRecoverable: roundScore(mine.reduce((sum, control) => sum + control.pointsRecoverable, 0)) };
  });
}

const FRAMEWORKS: ScorecardFrameworkDto[] = [
  { frameworkId: uuid(900), key: 'cis-v8-ig1', name: 'CIS Critical Security Controls', version: 'v8.1 IG1', score: 71.3, grade: 'C', coverage: 0.833, requirementsCovered: 35, requirementsTotal: 42 },
  { frameworkId: uuid(901), key: 'nist-csf-2', name: 'NIST Cybersecurity Framework', version: '2.0', score: 68.9, grade: 'D', coverage: 0.64, requirementsCovered: 68, requirementsTotal: 106 },
  { frameworkId: uuid(902), key: 'cyber-essentials', name: 'Cyber Essentials', version: 'Montpellier (v3.2)', score: 80.4, grade: 'B', coverage: 0.9, requirementsCovered: 27, requirementsTotal: 30 },
];

/** CIS Controls v8.1 safeguards for IG1 (a selection), with the controls that give evidence for them. */
const REQUIREMENTS: [string, string, string, string[]][] = [
  ['1.1', 'Establish and maintain a detailed enterprise asset inventory', 'Inventory and Control of Enterprise Assets', ['endpoint.devices_checking_in']],
  ['1.2', 'Address unauthorized assets', 'Inventory and Control of Enterprise Assets', []],
  ['2.1', 'Establish and maintain a software inventory', 'Inventory and Control of Software Assets', []],
  ['2.2', 'Ensure authorized software is currently supported', 'Inventory and Control of Software Assets', ['endpoint.supported_os_workstations', 'endpoint.supported_os_servers']],
  ['2.3', 'Address unauthorized software', 'Inventory and Control of Software Assets', []],
  ['3.1', 'Establish and maintain a data management process', 'Data Protection', ['data.secure_disposal']],
  ['3.2', 'Establish and maintain a data inventory', 'Data Protection', []],
  ['3.3', 'Configure data access control lists', 'Data Protection', ['data.anonymous_links_disabled']],
  ['3.4', 'Enforce data retention', 'Data Protection', ['backup.retention_30_days']],
  ['3.5', 'Securely dispose of data', 'Data Protection', ['data.secure_disposal']],
  ['3.6', 'Encrypt data on end-user devices', 'Data Protection', ['endpoint.disk_encryption']],
  ['4.1', 'Establish and maintain a secure configuration process', 'Secure Configuration of Enterprise Assets and Software', ['endpoint.usb_autoplay']],
  ['4.2', 'Establish and maintain a secure configuration process for network infrastructure', 'Secure Configuration of Enterprise Assets and Software', ['network.firewall_firmware', 'network.legacy_vpn_retired']],
  ['4.4', 'Implement and manage a firewall on servers', 'Secure Configuration of Enterprise Assets and Software', []],
  ['4.7', 'Manage default accounts on enterprise assets and software', 'Secure Configuration of Enterprise Assets and Software', ['endpoint.users_not_admins']],
  ['5.1', 'Establish and maintain an inventory of accounts', 'Account Management', ['identity.inactive_accounts_disabled']],
  ['5.2', 'Use unique passwords', 'Account Management', ['identity.password_manager']],
  ['5.3', 'Disable dormant accounts', 'Account Management', ['identity.inactive_accounts_disabled']],
  ['5.4', 'Restrict administrator privileges to dedicated administrator accounts', 'Account Management', ['identity.separate_admin_accounts', 'identity.few_global_admins', 'endpoint.users_not_admins']],
  ['6.1', 'Establish an access granting process', 'Access Control Management', []],
  ['6.2', 'Establish an access revoking process', 'Access Control Management', ['identity.inactive_accounts_disabled']],
  ['6.3', 'Require MFA for externally-exposed applications', 'Access Control Management', ['identity.mfa_all_users', 'identity.mfa_policy_enforced', 'identity.legacy_auth_blocked']],
  ['6.4', 'Require MFA for remote network access', 'Access Control Management', ['network.remote_access_mfa']],
  ['6.5', 'Require MFA for administrative access', 'Access Control Management', ['identity.mfa_admins']],
  ['7.1', 'Establish and maintain a vulnerability management process', 'Continuous Vulnerability Management', ['endpoint.os_patches']],
  ['7.3', 'Perform automated operating system patch management', 'Continuous Vulnerability Management', ['endpoint.os_patches']],
  ['7.4', 'Perform automated application patch management', 'Continuous Vulnerability Management', []],
  ['8.1', 'Establish and maintain an audit log management process', 'Audit Log Management', ['data.audit_log']],
  ['8.2', 'Collect audit logs', 'Audit Log Management', ['data.audit_log']],
  ['9.1', 'Ensure use of only fully supported browsers and email clients', 'Email and Web Browser Protections', ['endpoint.supported_os_workstations']],
  ['9.2', 'Use DNS filtering services', 'Email and Web Browser Protections', ['email.inbound_filtering', 'email.dmarc_enforced']],
  ['10.1', 'Deploy and maintain anti-malware software', 'Malware Defenses', ['endpoint.edr_active']],
  ['10.2', 'Configure automatic anti-malware signature updates', 'Malware Defenses', ['endpoint.av_definitions']],
  ['10.3', 'Disable autorun and autoplay for removable media', 'Malware Defenses', ['endpoint.usb_autoplay']],
  ['11.1', 'Establish and maintain a data recovery process', 'Data Recovery', ['backup.restore_tested']],
  ['11.2', 'Perform automated backups', 'Data Recovery', ['backup.succeeding', 'backup.m365']],
  ['11.3', 'Protect recovery data', 'Data Recovery', ['backup.offsite_immutable']],
  ['11.4', 'Establish and maintain an isolated instance of recovery data', 'Data Recovery', ['backup.offsite_immutable']],
  ['12.1', 'Ensure network infrastructure is up-to-date', 'Network Infrastructure Management', ['network.firewall_firmware']],
  ['14.1', 'Establish and maintain a security awareness program', 'Security Awareness and Skills Training', ['awareness.training_completed', 'awareness.phishing_simulation']],
  ['14.2', 'Train workforce members to recognize social engineering attacks', 'Security Awareness and Skills Training', ['awareness.phishing_simulation']],
  ['17.1', 'Designate personnel to manage incident handling', 'Incident Response Management', ['governance.incident_response_plan']],
  ['17.3', 'Establish and maintain an enterprise process for reporting incidents', 'Incident Response Management', ['mobile.not_mapped_here']],
];

function statementOfApplicability(scorecard: ClientScorecardDto): StatementOfApplicabilityDto {
  const byKey = new Map(scorecard.controls.map((control) => [control.key, control]));
  const requirements = REQUIREMENTS.map(([ref, title, grouping, keys], index): StatementRequirementDto => {
    const controls = keys.map((key) => byKey.get(key)).filter((control): control is ScorecardControlResultDto => control !== undefined);
    const status = requirementStatus(keys.length, controls.map((control) => ({ status: control.status, fraction: control.fraction })));
    return {
      id: uuid(2000 + index),
      ref,
      title,
      grouping,
      status,
      covered: controls.some((control) => ['pass', 'partial', 'fail', 'excepted'].includes(control.status)),
      controls: keys.map((key, position) => {
        const control = byKey.get(key);
        return control
          ? { controlId: control.controlId, key, name: control.name, status: control.status, fraction: control.fraction, summary: control.summary }
          : { controlId: uuid(3000 + index * 10 + position), key, name: 'Incident reporting channel published', status: null, fraction: null, summary: null };
      }),
    };
  });
  const statusCounts = { met: 0, risk_accepted: 0, partially_met: 0, not_met: 0, not_applicable: 0, not_covered: 0, no_controls: 0 };
  for (const requirement of requirements) statusCounts[requirement.status] += 1;
  const covered = requirements.filter((requirement) => requirement.covered).length;
  const framework = { ...FRAMEWORKS[0]!, requirementsTotal: requirements.length, requirementsCovered: covered, coverage: Math.round((covered / requirements.length) * 1000) / 1000 };
  return { framework, client: scorecard.client, run: scorecard.run, statusCounts, requirements };
}

/** About one evaluation every nine days over six months, climbing from the low 60s, one run without a score. */
function trend(current: number): TrendDto {
  const scores = [60.8, 61.5, 61.2, 62.9, 63.4, null, 64.1, 64.8, 65.2, 65.9, 66.4, 66.1, 67.5, 68.2, 68.0, 69.7, 70.4, 71.1, 71.1];
  const start = Date.parse('2026-05-24T06:00:00.000Z');
  const points: TrendPointDto[] = scores.map((score, index) => ({
    runId: uuid(4000 + index),
    evaluatedAt: new Date(start + index * 9 * 86_400_000).toISOString(),
    score,
    grade: score === null ? null : gradeFor(score),
    counts: { pass: 22, partial: 5, fail: 8, not_applicable: 1, excepted: 3, no_data: score === null ? 40 : 1, error: 0 },
  }));
  points.push({ runId: RUN_ID, evaluatedAt: RUN_AT, score: current, grade: gradeFor(current), counts: { pass: 23, partial: 5, fail: 7, not_applicable: 1, excepted: 3, no_data: 1, error: 0 } });
  const marks: QbrMarkDto[] = [
    { id: uuid(5000), clientId: CLIENT_ID, reviewedAt: FIRST_QBR_AT, note: 'Q2 review with Jonas Müller: agreed to prioritise MFA and the EDR roll-out.', runId: null, score: 60.4, grade: 'D', createdBy: 'Lena Vogel (vCIO)', createdAt: FIRST_QBR_AT },
    { id: uuid(5001), clientId: CLIENT_ID, reviewedAt: LAST_QBR_AT, note: 'Q3 review: budget approved for offsite backup; Windows 10 replacements to be quoted.', runId: points[8]!.runId, score: 65.2, grade: 'D', createdBy: 'Lena Vogel (vCIO)', createdAt: LAST_QBR_AT },
  ];
  return { clientId: CLIENT_ID, from: new Date(Date.parse(RUN_AT) - 365 * 86_400_000).toISOString(), to: RUN_AT, points, qbrMarks: marks };
}

function changesSinceQbr(controls: readonly ScorecardControlResultDto[], current: number): ChangesDto {
  const change = (key: string, from: [ResultStatus, number | null] | null, direction: ChangeDirection): ResultChangeDto => {
    const control = controls.find((item) => item.key === key)!;
    return {
      controlId: control.controlId,
      key,
      name: control.name,
      category: control.category,
      severity: control.severity,
      from: from === null ? null : { status: from[0], fraction: from[1] },
      to: direction === 'removed' ? null : { status: control.status, fraction: control.fraction },
      direction,
    };
  };
  return {
    clientId: CLIENT_ID,
    from: { runId: uuid(4008), evaluatedAt: '2026-08-05T06:00:00.000Z', score: 65.2, grade: 'D' },
    to: { runId: RUN_ID, evaluatedAt: RUN_AT, score: current, grade: gradeFor(current) },
    scoreChange: roundScore(current - 65.2),
    changes: [
      change('network.firewall_firmware', ['pass', 1], 'regressed'),
      change('endpoint.os_patches', ['partial', 0.61], 'regressed'),
      change('identity.mfa_all_users', ['partial', 0.52], 'improved'),
      change('identity.mfa_admins', ['fail', 0], 'improved'),
      change('endpoint.edr_active', ['partial', 0.5], 'improved'),
      change('email.spf_hard_fail', ['fail', 0], 'improved'),
      change('endpoint.users_not_admins', ['fail', 0], 'changed'),
      change('awareness.acceptable_use', null, 'added'),
    ],
  };
}

/** Every section but free text: a full quarterly review in the `qbr` template's order, then a statement of applicability. */
const QBR_SECTION_ORDER: readonly SectionType[] = [
  'cover',
  'table_of_contents',
  'executive_summary',
  'score',
  'qbr_change',
  'trend',
  'categories',
  'frameworks',
  'failing_controls',
  'accepted_risks',
  'methodology',
  'failing_assets',
  'framework_requirements',
];

function sections(content: ReportContent): ReportSection[] {
  const client = content.scorecard.client.name;
  const msp = content.branding.name;
  const section = (type: SectionType, title: string, text: string | null = null, pageBreakBefore = false): ReportSection => ({ type, title, text, pageBreakBefore, limit: null });
  const framework = content.framework!.framework;
  const all: Record<SectionType, ReportSection> = {
    cover: section('cover', 'Quarterly Business Review', `Security compliance review for ${client}, prepared by ${msp}.`),
    table_of_contents: section('table_of_contents', 'Contents'),
    executive_summary: section(
      'executive_summary',
      'Executive summary',
      `This review covers ${formatDate(content.period.from)} to ${formatDate(content.period.to)}. It measures ${client} against the security controls ${msp} agreed to maintain and shows where the business stands, what has changed and what to do next.`,
      true,
    ),
    score: section('score', 'Security score'),
    qbr_change: section('qbr_change', 'Since the last review'),
    trend: section('trend', 'Score over time'),
    categories: section('categories', 'Scores by category', null, true),
    frameworks: section('frameworks', 'Framework coverage', 'Each framework score uses the controls mapped to that framework\'s requirements. Coverage is the share of requirements with evidence: read a score beside its coverage.'),
    failing_controls: section('failing_controls', 'What to fix first', 'Ordered by the points each fix would add to the score. Fixing the first few usually lifts the grade.', true),
    accepted_risks: section('accepted_risks', 'Accepted risks', `These risks were reviewed and accepted by ${client} for the period shown. An accepted risk does not count against the score until it expires.`),
    methodology: section('methodology', 'How the score is calculated', null, true),
    failing_assets: section('failing_assets', 'Appendix: assets that fail', 'Every asset that fails a control in this evaluation, by control, with the reason a technician acts on.', true),
    framework_requirements: section(
      'framework_requirements',
      'Appendix: CIS Controls requirement by requirement',
      `${client} scores ${formatScore(framework.score)} (${framework.grade ?? '—'}) on ${framework.name} ${framework.version}, with evidence for ${formatPercent(framework.coverage)} of its requirements. Each requirement lists the controls that support it and their status in this evaluation.`,
      true,
    ),
    text: section('text', 'Notes'),
  };
  return QBR_SECTION_ORDER.map((type) => all[type]);
}

export interface ReportFixtureOverrides {
  clientName?: string;
  pageSize?: PageSize;
  branding?: Partial<ReportBranding>;
  /** Section types in order (titles and texts as in the full review); default the full QBR. */
  sections?: readonly SectionType[];
}

/** A realistic quarterly review of "Müller GmbH" by "Northwind IT Services", ready to render. */
export function sampleReportDocument(overrides: ReportFixtureOverrides = {}): ReportDocument {
  const clientName = overrides.clientName ?? 'Müller GmbH';
  const { controls, score } = buildControls();
  const current = score.score!;
  const exceptions = EXCEPTIONS.map((exception, index): ScorecardExceptionDto => {
    const control = controls.find((item) => item.key === exception.key)!;
    return { id: uuid(300 + index), owner: exception.owner, reason: exception.reason, compensatingControl: exception.compensatingControl, expiresAt: exception.expiresAt, scope: 'client', controlId: control.controlId, controlKey: control.key, controlName: control.name, state: exception.state };
  });
  const scorecard: ClientScorecardDto = {
    client: { id: CLIENT_ID, name: clientName, baseline: 'Managed Security Premium' },
    run: { id: RUN_ID, evaluatedAt: RUN_AT, current: true, evidencePruned: false },
    score: current,
    grade: score.grade,
    earnedPoints: score.earnedPoints,
    possiblePoints: score.possiblePoints,
    counts: score.counts,
    change: { previousRun: roundScore(current - 71.1), days30: roundScore(current - 69.7), sinceQbr: roundScore(current - 65.2) },
    lastQbr: { reviewedAt: LAST_QBR_AT, score: 65.2 },
    freshness: { evaluatedAt: RUN_AT, evidenceAt: '2026-11-23T05:40:00.000Z', stale: false },
    failingCritical: controls.filter((control) => control.severity === 'critical' && (control.status === 'fail' || control.status === 'partial')).map((control) => ({ controlId: control.controlId, key: control.key, name: control.name, status: control.status as 'fail' | 'partial' })),
    categories: categoryScores(controls),
    frameworks: FRAMEWORKS,
    controls,
    exceptions,
  };
  const branding: ReportBranding = {
    name: 'Northwind IT Services',
    logo: { data: sampleLogo(), mimeType: 'image/png', width: 240, height: 80 },
    primaryColor: '#1f4e79',
    accentColor: '#d9822b',
    footerText: 'Northwind IT Services · support@northwind.example · +49 89 1234 5678',
    ...overrides.branding,
  };
  const content: ReportContent = {
    title: `Quarterly Business Review: ${clientName}`,
    generatedAt: GENERATED_AT,
    period: { from: new Date(LAST_QBR_AT), to: new Date(RUN_AT) },
    branding,
    scorecard,
    trend: trend(current),
    sinceQbr: changesSinceQbr(controls, current),
    framework: null,
    summary: executiveSummary(scorecard),
    methodology: methodology('fail'),
  };
  content.framework = statementOfApplicability(scorecard);
  const all = sections(content);
  const chosen = overrides.sections ? overrides.sections.map((type) => all.find((section) => section.type === type) ?? { type, title: type === 'text' ? 'Notes' : type, text: null, pageBreakBefore: false, limit: null }) : all;
  return { content, sections: chosen, pageSize: overrides.pageSize ?? 'A4' };
}
