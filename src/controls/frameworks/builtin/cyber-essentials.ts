import type { FrameworkDefinition } from '../framework-definition.js';

/**
 * UK Cyber Essentials, "Requirements for IT infrastructure" v3.1, technical controls only.
 *
 * The requirements document itself numbers nothing below its five control themes, so refs are the
 * question ids of IASME's self-assessment question set for v3.1 ("Montpellier", used from April 2023):
 * every question of sections A4 (firewalls) to A8 (malware protection). Sections A1-A3 (organisation,
 * scope, insurance) are not technical controls and are left out. Follow-up questions such as A4.2.1
 * or A6.2.1 are kept because assessors mark them. Ids checked against IASME assessment-platform API
 * answer sheets for Montpellier (github.com/ERemiFairy/IASME_API, answer_data_mont_*.php), with the A6
 * and A8 sections cross-checked against published Montpellier question lists. Later question sets
 * (Danzell 2024, Willow 2025 for v3.2) renumber part of A4 and add follow-ups, so the ids below are
 * Montpellier's. Titles are written for Rampart and state the expected (compliant) answer.
 */
const FIREWALLS = 'Firewalls';
const SECURE_CONFIG = 'Secure configuration';
const UPDATES = 'Security update management';
const ACCESS = 'User access control';
const MALWARE = 'Malware protection';

export const cyberEssentials: FrameworkDefinition = {
  key: 'cyber-essentials',
  name: 'Cyber Essentials — Requirements for IT infrastructure',
  version: '3.1 (Montpellier question set)',
  publisher: 'UK National Cyber Security Centre (NCSC) and IASME',
  url: 'https://www.ncsc.gov.uk/cyberessentials/overview',
  description:
    'The UK government-backed baseline of five technical controls (firewalls, secure configuration, security ' +
    'update management, user access control and malware protection), as asked in the self-assessment.',
  requirements: [
    { ref: 'A4.1', title: 'Boundary firewalls sit between internal networks, devices and the internet', group: FIREWALLS },
    { ref: 'A4.1.1', title: 'Devices used off the organisation network are protected by software firewalls', group: FIREWALLS },
    { ref: 'A4.2', title: 'Default passwords on boundary firewalls and routers have been changed', group: FIREWALLS },
    { ref: 'A4.2.1', title: 'The process for changing firewall passwords is described', group: FIREWALLS },
    { ref: 'A4.3', title: 'Firewall passwords meet the password-based authentication requirements', group: FIREWALLS },
    { ref: 'A4.4', title: 'Firewall passwords are changed when compromise is known or suspected', group: FIREWALLS },
    { ref: 'A4.5', title: 'Services reachable from the internet through the firewall are identified', group: FIREWALLS },
    { ref: 'A4.5.1', title: 'Each internet-reachable firewall service has a documented business case', group: FIREWALLS },
    { ref: 'A4.6', title: 'Firewall services are disabled promptly once no longer needed', group: FIREWALLS },
    { ref: 'A4.7', title: 'Boundary firewalls block all other inbound services by default', group: FIREWALLS },
    { ref: 'A4.8', title: 'Firewall configuration settings are not reachable from the internet', group: FIREWALLS },
    { ref: 'A4.9', title: 'Any internet access to firewall configuration has a documented business need', group: FIREWALLS },
    {
      ref: 'A4.10',
      title: 'Internet access to firewall configuration is protected by MFA or an IP allow list with managed passwords',
      group: FIREWALLS,
    },
    { ref: 'A4.11', title: 'Software firewalls are enabled on all computers, laptops and servers', group: FIREWALLS },
    {
      ref: 'A4.12',
      title: 'Devices without a software firewall run operating systems that do not ship one (listed)',
      group: FIREWALLS,
    },

    { ref: 'A5.1', title: 'Unused software and services are removed or disabled', group: SECURE_CONFIG },
    { ref: 'A5.2', title: 'Devices and cloud services hold only necessary, regularly used accounts', group: SECURE_CONFIG },
    { ref: 'A5.3', title: 'Default passwords are changed on all user and administrator accounts', group: SECURE_CONFIG },
    { ref: 'A5.4', title: 'Self-hosted services exposing non-public data to the internet are identified', group: SECURE_CONFIG },
    {
      ref: 'A5.5',
      title: 'Passwords on those external services meet the password-based authentication requirements',
      group: SECURE_CONFIG,
    },
    {
      ref: 'A5.6',
      title: 'External service passwords are changed when compromise is known or suspected',
      group: SECURE_CONFIG,
    },
    {
      ref: 'A5.7',
      title: 'External services without MFA are protected against brute-force attacks',
      group: SECURE_CONFIG,
    },
    { ref: 'A5.8', title: 'Auto-run and auto-play are disabled', group: SECURE_CONFIG },
    { ref: 'A5.9', title: 'Devices are locked and need the user present to unlock', group: SECURE_CONFIG },
    { ref: 'A5.10', title: 'The device unlocking method meets the credential requirements', group: SECURE_CONFIG },

    { ref: 'A6.1', title: 'All operating systems are vendor-supported and receive security updates', group: UPDATES },
    { ref: 'A6.2', title: 'All software is supported by a supplier that issues security fixes', group: UPDATES },
    { ref: 'A6.2.1', title: 'Internet browsers in use are listed with their versions', group: UPDATES },
    { ref: 'A6.2.2', title: 'Malware protection software in use is listed', group: UPDATES },
    { ref: 'A6.2.3', title: 'Email applications on end-user devices and servers are listed', group: UPDATES },
    { ref: 'A6.2.4', title: 'Office applications used to create organisational data are listed', group: UPDATES },
    { ref: 'A6.3', title: 'All software is licensed as the publisher requires', group: UPDATES },
    {
      ref: 'A6.4',
      title: 'High-risk or critical OS and router/firewall firmware updates are installed within 14 days',
      group: UPDATES,
    },
    { ref: 'A6.4.1', title: 'Operating system updates are applied automatically', group: UPDATES },
    { ref: 'A6.4.2', title: 'Without auto-update, critical OS and firmware updates still land within 14 days', group: UPDATES },
    { ref: 'A6.5', title: 'High-risk or critical application updates are installed within 14 days', group: UPDATES },
    { ref: 'A6.5.1', title: 'Application updates are applied automatically', group: UPDATES },
    { ref: 'A6.5.2', title: 'Without auto-update, critical application updates still land within 14 days', group: UPDATES },
    { ref: 'A6.6', title: 'Software that is no longer supported is removed from devices', group: UPDATES },
    {
      ref: 'A6.7',
      title: 'Unsupported software kept for a business need is moved out of scope into a segregated sub-set',
      group: UPDATES,
    },

    { ref: 'A7.1', title: 'User accounts are created only through an approval process', group: ACCESS },
    { ref: 'A7.2', title: 'Every user and administrator account uses a unique username and credentials', group: ACCESS },
    { ref: 'A7.3', title: 'Accounts of people who have left are removed or disabled', group: ACCESS },
    { ref: 'A7.4', title: 'Staff hold only the privileges their current role needs', group: ACCESS },
    { ref: 'A7.5', title: 'Administrator access is granted through a formal process', group: ACCESS },
    { ref: 'A7.6', title: 'Separate accounts are used for administrative tasks', group: ACCESS },
    {
      ref: 'A7.7',
      title: 'Administrator accounts are kept from everyday tasks such as email and web browsing',
      group: ACCESS,
    },
    { ref: 'A7.8', title: 'Users holding administrator accounts are formally tracked', group: ACCESS },
    { ref: 'A7.9', title: 'Administrative access is reviewed regularly', group: ACCESS },
    { ref: 'A7.10', title: 'Accounts are protected against brute-force password guessing', group: ACCESS },
    { ref: 'A7.11', title: 'Technical controls enforce password quality', group: ACCESS },
    { ref: 'A7.12', title: 'Users are helped to choose unique, strong passwords', group: ACCESS },
    { ref: 'A7.13', title: 'Passwords are changed promptly when compromise is known or suspected', group: ACCESS },
    { ref: 'A7.14', title: 'Multi-factor authentication is enabled on cloud services', group: ACCESS },
    { ref: 'A7.15', title: 'Cloud services where MFA is not available are identified', group: ACCESS },
    { ref: 'A7.16', title: 'MFA is applied to all administrators of cloud services', group: ACCESS },
    { ref: 'A7.17', title: 'MFA is applied to all users of cloud services', group: ACCESS },

    {
      ref: 'A8.1',
      title: 'Every device is protected from malware by anti-malware software or application allow listing',
      group: MALWARE,
    },
    { ref: 'A8.2', title: 'Anti-malware software is updated in line with vendor guidance', group: MALWARE },
    { ref: 'A8.3', title: 'Anti-malware software prevents connections to malicious websites', group: MALWARE },
    { ref: 'A8.4', title: 'Users cannot install unsigned applications', group: MALWARE },
    { ref: 'A8.5', title: 'Only organisation-approved applications, from a maintained list, are installed', group: MALWARE },
  ],
};
