import type { FrameworkDefinition } from '../framework-definition.js';

/**
 * ASD Essential Eight Maturity Model (November 2023), Maturity Level One.
 *
 * Refs are the Information Security Manual (ISM) control ids that ASD's "Essential Eight maturity
 * model and ISM mapping" assigns to each ML1 requirement. The set was checked against ASD's own OSCAL
 * release (github.com/AustralianCyberSecurityCentre/ism-oscal, ISM_E8_ML1-baseline profile), which
 * lists 46 controls for the December 2023 ISM and still the same 46 for the December 2025 ISM.
 *
 * The maturity model states 48 ML1 requirements, but ISM-1807 (asset discovery) and ISM-1808
 * (vulnerability scanner database) appear under both "Patch applications" and "Patch operating
 * systems". A requirement has one ref and one group here, so each is listed once, under
 * "Patch applications", and its title says it serves both strategies.
 */
const PATCH_APPS = 'Patch applications';
const PATCH_OS = 'Patch operating systems';
const MFA = 'Multi-factor authentication';
const ADMIN = 'Restrict administrative privileges';
const APP_CONTROL = 'Application control';
const MACROS = 'Restrict Microsoft Office macros';
const HARDENING = 'User application hardening';
const BACKUPS = 'Regular backups';

export const essentialEight: FrameworkDefinition = {
  key: 'essential-eight',
  name: 'Essential Eight Maturity Model — Maturity Level One',
  version: 'November 2023',
  publisher: 'Australian Signals Directorate (ASD)',
  url: 'https://www.cyber.gov.au/resources-business-and-government/essential-cyber-security/essential-eight/essential-eight-maturity-model',
  description:
    "Maturity Level One of ASD's Essential Eight: the eight prioritised mitigation strategies implemented to " +
    'resist adversaries using widely available tradecraft against opportunistic targets, expressed as ISM controls.',
  requirements: [
    {
      ref: 'ISM-1807',
      title: 'Automated asset discovery runs at least fortnightly (applications and operating systems)',
      group: PATCH_APPS,
    },
    {
      ref: 'ISM-1808',
      title: 'Vulnerability scanner uses an up-to-date vulnerability database (applications and operating systems)',
      group: PATCH_APPS,
    },
    { ref: 'ISM-1698', title: 'Online services are scanned daily for missing patches', group: PATCH_APPS },
    {
      ref: 'ISM-1699',
      title: 'Office suites, browsers, email clients, PDF software and security products are scanned weekly for missing patches',
      group: PATCH_APPS,
    },
    {
      ref: 'ISM-1876',
      title: 'Online service patches applied within 48 hours when critical or exploited',
      group: PATCH_APPS,
    },
    {
      ref: 'ISM-1690',
      title: 'Online service patches applied within two weeks when non-critical and unexploited',
      group: PATCH_APPS,
    },
    {
      ref: 'ISM-1691',
      title: 'Office suite, browser, email client, PDF and security product patches applied within two weeks',
      group: PATCH_APPS,
    },
    { ref: 'ISM-1905', title: 'Online services no longer supported by vendors are removed', group: PATCH_APPS },
    {
      ref: 'ISM-1704',
      title: 'Unsupported office suites, browsers, email clients, PDF software, Flash and security products are removed',
      group: PATCH_APPS,
    },

    {
      ref: 'ISM-1701',
      title: 'Operating systems of internet-facing servers and network devices are scanned daily for missing patches',
      group: PATCH_OS,
    },
    {
      ref: 'ISM-1702',
      title: 'Operating systems of workstations and internal servers and network devices are scanned fortnightly',
      group: PATCH_OS,
    },
    {
      ref: 'ISM-1877',
      title: 'Internet-facing operating system patches applied within 48 hours when critical or exploited',
      group: PATCH_OS,
    },
    {
      ref: 'ISM-1694',
      title: 'Internet-facing operating system patches applied within two weeks when non-critical and unexploited',
      group: PATCH_OS,
    },
    {
      ref: 'ISM-1695',
      title: 'Workstation and internal server and network device operating system patches applied within one month',
      group: PATCH_OS,
    },
    { ref: 'ISM-1501', title: 'Operating systems no longer supported by vendors are replaced', group: PATCH_OS },

    {
      ref: 'ISM-1504',
      title: "MFA for users of the organisation's online services that handle its sensitive data",
      group: MFA,
    },
    {
      ref: 'ISM-1679',
      title: "MFA for users of third-party online services that handle the organisation's sensitive data",
      group: MFA,
    },
    {
      ref: 'ISM-1680',
      title: "MFA, where available, for third-party online services that handle the organisation's non-sensitive data",
      group: MFA,
    },
    {
      ref: 'ISM-1892',
      title: "MFA for users of the organisation's online customer services that handle sensitive customer data",
      group: MFA,
    },
    {
      ref: 'ISM-1893',
      title: 'MFA for users of third-party online customer services that handle sensitive customer data',
      group: MFA,
    },
    {
      ref: 'ISM-1681',
      title: 'MFA for customers of online customer services that handle sensitive customer data',
      group: MFA,
    },
    {
      ref: 'ISM-1401',
      title: 'MFA combines something users have with something they know, or unlocked by something they know or are',
      group: MFA,
    },

    { ref: 'ISM-1507', title: 'Privileged access requests are validated when first requested', group: ADMIN },
    { ref: 'ISM-0445', title: 'Privileged users have dedicated accounts used only for privileged duties', group: ADMIN },
    {
      ref: 'ISM-1175',
      title: 'Privileged accounts cannot reach the internet, email or web services unless explicitly authorised',
      group: ADMIN,
    },
    {
      ref: 'ISM-1883',
      title: 'Privileged accounts authorised for online services are limited to what duties require',
      group: ADMIN,
    },
    { ref: 'ISM-1380', title: 'Privileged users use separate privileged and unprivileged operating environments', group: ADMIN },
    { ref: 'ISM-1688', title: 'Unprivileged accounts cannot log on to privileged operating environments', group: ADMIN },
    {
      ref: 'ISM-1689',
      title: 'Privileged accounts (other than local administrators) cannot log on to unprivileged environments',
      group: ADMIN,
    },

    { ref: 'ISM-0843', title: 'Application control is implemented on workstations', group: APP_CONTROL },
    {
      ref: 'ISM-1870',
      title: 'Application control covers user profiles and temporary folders of the OS, browsers and email clients',
      group: APP_CONTROL,
    },
    {
      ref: 'ISM-1657',
      title: 'Executables, libraries, scripts, installers, CHM, HTA and control panel applets limited to an approved set',
      group: APP_CONTROL,
    },

    {
      ref: 'ISM-1671',
      title: 'Office macros are disabled for users without a demonstrated business requirement',
      group: MACROS,
    },
    { ref: 'ISM-1488', title: 'Office macros in files originating from the internet are blocked', group: MACROS },
    { ref: 'ISM-1672', title: 'Office macro antivirus scanning is enabled', group: MACROS },
    { ref: 'ISM-1489', title: 'Users cannot change Office macro security settings', group: MACROS },

    { ref: 'ISM-1654', title: 'Internet Explorer 11 is disabled or removed', group: HARDENING },
    { ref: 'ISM-1486', title: 'Web browsers do not process Java from the internet', group: HARDENING },
    { ref: 'ISM-1485', title: 'Web browsers do not process web advertisements from the internet', group: HARDENING },
    { ref: 'ISM-1585', title: 'Users cannot change web browser security settings', group: HARDENING },

    {
      ref: 'ISM-1511',
      title: 'Backups are performed and retained according to business criticality and continuity needs',
      group: BACKUPS,
    },
    { ref: 'ISM-1810', title: 'Backups are synchronised to allow restoration to a common point in time', group: BACKUPS },
    { ref: 'ISM-1811', title: 'Backups are retained in a secure and resilient manner', group: BACKUPS },
    {
      ref: 'ISM-1515',
      title: 'Restoration to a common point in time is tested in disaster recovery exercises',
      group: BACKUPS,
    },
    { ref: 'ISM-1812', title: "Unprivileged accounts cannot access other accounts' backups", group: BACKUPS },
    { ref: 'ISM-1814', title: 'Unprivileged accounts cannot modify or delete backups', group: BACKUPS },
  ],
};
