import type { FrameworkDefinition } from '../framework-definition.js';

/**
 * CIS Critical Security Controls v8, Implementation Group 1 ("essential cyber hygiene").
 *
 * The 56 IG1 Safeguards, keyed by their CIS Safeguard ids, grouped by CIS Control. Ids, titles and
 * IG membership checked against the CIS Controls Assessment Specification
 * (github.com/CISecurity/ControlsAssessmentSpecification, v8 content). That repository tags
 * 14.9 and 17.9 as IG1 too, which contradicts the Controls v8 guide (IG1 = 56 Safeguards; 14.9 and
 * 17.9 start at IG2), so they are left out. Safeguard titles are the short CIS names.
 */
const ASSETS = 'Inventory and Control of Enterprise Assets';
const SOFTWARE = 'Inventory and Control of Software Assets';
const DATA = 'Data Protection';
const CONFIG = 'Secure Configuration of Enterprise Assets and Software';
const ACCOUNTS = 'Account Management';
const ACCESS = 'Access Control Management';
const VULNS = 'Continuous Vulnerability Management';
const LOGS = 'Audit Log Management';
const EMAIL_WEB = 'Email and Web Browser Protections';
const MALWARE = 'Malware Defenses';
const RECOVERY = 'Data Recovery';
const NETWORK = 'Network Infrastructure Management';
const TRAINING = 'Security Awareness and Skills Training';
const PROVIDERS = 'Service Provider Management';
const INCIDENTS = 'Incident Response Management';

export const cisV8Ig1: FrameworkDefinition = {
  key: 'cis-v8-ig1',
  name: 'CIS Critical Security Controls v8 — Implementation Group 1',
  version: '8.0',
  publisher: 'Center for Internet Security (CIS)',
  url: 'https://www.cisecurity.org/controls/v8',
  description:
    'The IG1 Safeguards of the CIS Controls v8: the baseline of essential cyber hygiene that every enterprise, ' +
    'including small ones with limited IT and security expertise, is expected to implement.',
  requirements: [
    { ref: '1.1', title: 'Establish and Maintain Detailed Enterprise Asset Inventory', group: ASSETS },
    { ref: '1.2', title: 'Address Unauthorized Assets', group: ASSETS },

    { ref: '2.1', title: 'Establish and Maintain a Software Inventory', group: SOFTWARE },
    { ref: '2.2', title: 'Ensure Authorized Software is Currently Supported', group: SOFTWARE },
    { ref: '2.3', title: 'Address Unauthorized Software', group: SOFTWARE },

    { ref: '3.1', title: 'Establish and Maintain a Data Management Process', group: DATA },
    { ref: '3.2', title: 'Establish and Maintain a Data Inventory', group: DATA },
    { ref: '3.3', title: 'Configure Data Access Control Lists', group: DATA },
    { ref: '3.4', title: 'Enforce Data Retention', group: DATA },
    { ref: '3.5', title: 'Securely Dispose of Data', group: DATA },
    { ref: '3.6', title: 'Encrypt Data on End-User Devices', group: DATA },

    { ref: '4.1', title: 'Establish and Maintain a Secure Configuration Process', group: CONFIG },
    { ref: '4.2', title: 'Establish and Maintain a Secure Configuration Process for Network Infrastructure', group: CONFIG },
    { ref: '4.3', title: 'Configure Automatic Session Locking on Enterprise Assets', group: CONFIG },
    { ref: '4.4', title: 'Implement and Manage a Firewall on Servers', group: CONFIG },
    { ref: '4.5', title: 'Implement and Manage a Firewall on End-User Devices', group: CONFIG },
    { ref: '4.6', title: 'Securely Manage Enterprise Assets and Software', group: CONFIG },
    { ref: '4.7', title: 'Manage Default Accounts on Enterprise Assets and Software', group: CONFIG },

    { ref: '5.1', title: 'Establish and Maintain an Inventory of Accounts', group: ACCOUNTS },
    { ref: '5.2', title: 'Use Unique Passwords', group: ACCOUNTS },
    { ref: '5.3', title: 'Disable Dormant Accounts', group: ACCOUNTS },
    { ref: '5.4', title: 'Restrict Administrator Privileges to Dedicated Administrator Accounts', group: ACCOUNTS },

    { ref: '6.1', title: 'Establish an Access Granting Process', group: ACCESS },
    { ref: '6.2', title: 'Establish an Access Revoking Process', group: ACCESS },
    { ref: '6.3', title: 'Require MFA for Externally-Exposed Applications', group: ACCESS },
    { ref: '6.4', title: 'Require MFA for Remote Network Access', group: ACCESS },
    { ref: '6.5', title: 'Require MFA for Administrative Access', group: ACCESS },

    { ref: '7.1', title: 'Establish and Maintain a Vulnerability Management Process', group: VULNS },
    { ref: '7.2', title: 'Establish and Maintain a Remediation Process', group: VULNS },
    { ref: '7.3', title: 'Perform Automated Operating System Patch Management', group: VULNS },
    { ref: '7.4', title: 'Perform Automated Application Patch Management', group: VULNS },

    { ref: '8.1', title: 'Establish and Maintain an Audit Log Management Process', group: LOGS },
    { ref: '8.2', title: 'Collect Audit Logs', group: LOGS },
    { ref: '8.3', title: 'Ensure Adequate Audit Log Storage', group: LOGS },

    { ref: '9.1', title: 'Ensure Use of Only Fully Supported Browsers and Email Clients', group: EMAIL_WEB },
    { ref: '9.2', title: 'Use DNS Filtering Services', group: EMAIL_WEB },

    { ref: '10.1', title: 'Deploy and Maintain Anti-Malware Software', group: MALWARE },
    { ref: '10.2', title: 'Configure Automatic Anti-Malware Signature Updates', group: MALWARE },
    { ref: '10.3', title: 'Disable Autorun and Autoplay for Removable Media', group: MALWARE },

    { ref: '11.1', title: 'Establish and Maintain a Data Recovery Process', group: RECOVERY },
    { ref: '11.2', title: 'Perform Automated Backups', group: RECOVERY },
    { ref: '11.3', title: 'Protect Recovery Data', group: RECOVERY },
    { ref: '11.4', title: 'Establish and Maintain an Isolated Instance of Recovery Data', group: RECOVERY },

    { ref: '12.1', title: 'Ensure Network Infrastructure is Up-to-Date', group: NETWORK },

    { ref: '14.1', title: 'Establish and Maintain a Security Awareness Program', group: TRAINING },
    { ref: '14.2', title: 'Train Workforce Members to Recognize Social Engineering Attacks', group: TRAINING },
    { ref: '14.3', title: 'Train Workforce Members on Authentication Best Practices', group: TRAINING },
    { ref: '14.4', title: 'Train Workforce on Data Handling Best Practices', group: TRAINING },
    { ref: '14.5', title: 'Train Workforce Members on Causes of Unintentional Data Exposure', group: TRAINING },
    { ref: '14.6', title: 'Train Workforce Members on Recognizing and Reporting Security Incidents', group: TRAINING },
    {
      ref: '14.7',
      title: 'Train Workforce on How to Identify and Report if Their Enterprise Assets are Missing Security Updates',
      group: TRAINING,
    },
    {
      ref: '14.8',
      title: 'Train Workforce on the Dangers of Connecting to and Transmitting Enterprise Data Over Insecure Networks',
      group: TRAINING,
    },

    { ref: '15.1', title: 'Establish and Maintain an Inventory of Service Providers', group: PROVIDERS },

    { ref: '17.1', title: 'Designate Personnel to Manage Incident Handling', group: INCIDENTS },
    { ref: '17.2', title: 'Establish and Maintain Contact Information for Reporting Security Incidents', group: INCIDENTS },
    { ref: '17.3', title: 'Establish and Maintain an Enterprise Process for Reporting Incidents', group: INCIDENTS },
  ],
};
