import type { FrameworkDefinition } from '../framework-definition.js';

/**
 * NIST Cybersecurity Framework (CSF) 2.0, all 106 Subcategories of the CSF Core.
 *
 * Refs are the CSF 2.0 Subcategory ids ("GV.OC-01"); numbering has gaps where CSF 1.1 outcomes were
 * withdrawn or moved (e.g. there is no ID.AM-06 or PR.DS-03), which is how NIST publishes them.
 * Groups are the 22 Categories as "<name> (<id>)". Ids and structure checked against the CSF 2.0 Core
 * (NIST CSWP 29) as packaged in intuitem/ciso-assistant-community
 * (backend/library/libraries/nist-csf-2.0.yaml). Titles condense the outcome statements.
 */
const GV_OC = 'Organizational Context (GV.OC)';
const GV_RM = 'Risk Management Strategy (GV.RM)';
const GV_RR = 'Roles, Responsibilities, and Authorities (GV.RR)';
const GV_PO = 'Policy (GV.PO)';
const GV_OV = 'Oversight (GV.OV)';
const GV_SC = 'Cybersecurity Supply Chain Risk Management (GV.SC)';
const ID_AM = 'Asset Management (ID.AM)';
const ID_RA = 'Risk Assessment (ID.RA)';
const ID_IM = 'Improvement (ID.IM)';
const PR_AA = 'Identity Management, Authentication, and Access Control (PR.AA)';
const PR_AT = 'Awareness and Training (PR.AT)';
const PR_DS = 'Data Security (PR.DS)';
const PR_PS = 'Platform Security (PR.PS)';
const PR_IR = 'Technology Infrastructure Resilience (PR.IR)';
const DE_CM = 'Continuous Monitoring (DE.CM)';
const DE_AE = 'Adverse Event Analysis (DE.AE)';
const RS_MA = 'Incident Management (RS.MA)';
const RS_AN = 'Incident Analysis (RS.AN)';
const RS_CO = 'Incident Response Reporting and Communication (RS.CO)';
const RS_MI = 'Incident Mitigation (RS.MI)';
const RC_RP = 'Incident Recovery Plan Execution (RC.RP)';
const RC_CO = 'Incident Recovery Communication (RC.CO)';

export const nistCsf2: FrameworkDefinition = {
  key: 'nist-csf-2',
  name: 'NIST Cybersecurity Framework 2.0',
  version: '2.0',
  publisher: 'National Institute of Standards and Technology (NIST)',
  url: 'https://www.nist.gov/cyberframework',
  description:
    'The CSF 2.0 Core: cybersecurity outcomes organised into six Functions (Govern, Identify, Protect, Detect, ' +
    'Respond, Recover), 22 Categories and 106 Subcategories, usable by organisations of any size or sector.',
  requirements: [
    // GOVERN (GV)
    { ref: 'GV.OC-01', title: 'Mission is understood and drives cybersecurity risk management', group: GV_OC },
    { ref: 'GV.OC-02', title: 'Stakeholder needs and expectations on cybersecurity risk are understood', group: GV_OC },
    { ref: 'GV.OC-03', title: 'Legal, regulatory and contractual cybersecurity obligations are managed', group: GV_OC },
    { ref: 'GV.OC-04', title: 'Critical objectives, capabilities and services stakeholders rely on are known', group: GV_OC },
    { ref: 'GV.OC-05', title: 'Outcomes, capabilities and services the organization depends on are known', group: GV_OC },

    { ref: 'GV.RM-01', title: 'Risk management objectives are agreed by stakeholders', group: GV_RM },
    { ref: 'GV.RM-02', title: 'Risk appetite and tolerance statements are set and maintained', group: GV_RM },
    { ref: 'GV.RM-03', title: 'Cybersecurity risk is part of enterprise risk management', group: GV_RM },
    { ref: 'GV.RM-04', title: 'Strategic direction on risk response options is communicated', group: GV_RM },
    { ref: 'GV.RM-05', title: 'Communication lines for cybersecurity and third-party risk exist', group: GV_RM },
    { ref: 'GV.RM-06', title: 'Standard method for calculating and prioritizing cyber risk is used', group: GV_RM },
    { ref: 'GV.RM-07', title: 'Strategic opportunities (positive risks) are considered', group: GV_RM },

    { ref: 'GV.RR-01', title: 'Leadership is accountable for cybersecurity risk and sets the culture', group: GV_RR },
    { ref: 'GV.RR-02', title: 'Cybersecurity roles, responsibilities and authorities are defined and enforced', group: GV_RR },
    { ref: 'GV.RR-03', title: 'Adequate resources are allocated to cybersecurity', group: GV_RR },
    { ref: 'GV.RR-04', title: 'Cybersecurity is part of human resources practices', group: GV_RR },

    { ref: 'GV.PO-01', title: 'Cybersecurity risk policy is established, communicated and enforced', group: GV_PO },
    { ref: 'GV.PO-02', title: 'Cybersecurity risk policy is reviewed and updated as things change', group: GV_PO },

    { ref: 'GV.OV-01', title: 'Risk strategy outcomes are reviewed to adjust direction', group: GV_OV },
    { ref: 'GV.OV-02', title: 'Risk strategy is reviewed for coverage of requirements and risks', group: GV_OV },
    { ref: 'GV.OV-03', title: 'Risk management performance is evaluated and adjusted', group: GV_OV },

    { ref: 'GV.SC-01', title: 'Supply chain risk management program is established', group: GV_SC },
    { ref: 'GV.SC-02', title: 'Supplier, customer and partner cybersecurity roles are defined', group: GV_SC },
    { ref: 'GV.SC-03', title: 'Supply chain risk is integrated into wider risk management', group: GV_SC },
    { ref: 'GV.SC-04', title: 'Suppliers are known and prioritized by criticality', group: GV_SC },
    { ref: 'GV.SC-05', title: 'Supply chain security requirements are written into contracts', group: GV_SC },
    { ref: 'GV.SC-06', title: 'Due diligence is done before entering supplier relationships', group: GV_SC },
    { ref: 'GV.SC-07', title: 'Supplier and third-party risks are assessed and monitored over time', group: GV_SC },
    { ref: 'GV.SC-08', title: 'Relevant suppliers take part in incident planning, response and recovery', group: GV_SC },
    { ref: 'GV.SC-09', title: 'Supply chain security practices are monitored across the life cycle', group: GV_SC },
    { ref: 'GV.SC-10', title: 'Plans cover activities after a supplier relationship ends', group: GV_SC },

    // IDENTIFY (ID)
    { ref: 'ID.AM-01', title: 'Hardware inventory is maintained', group: ID_AM },
    { ref: 'ID.AM-02', title: 'Software, service and system inventory is maintained', group: ID_AM },
    { ref: 'ID.AM-03', title: 'Authorized network communications and data flows are documented', group: ID_AM },
    { ref: 'ID.AM-04', title: 'Inventory of supplier-provided services is maintained', group: ID_AM },
    { ref: 'ID.AM-05', title: 'Assets are prioritized by classification, criticality and impact', group: ID_AM },
    { ref: 'ID.AM-07', title: 'Data inventory with metadata is maintained for designated data types', group: ID_AM },
    { ref: 'ID.AM-08', title: 'Assets and data are managed throughout their life cycles', group: ID_AM },

    { ref: 'ID.RA-01', title: 'Asset vulnerabilities are identified, validated and recorded', group: ID_RA },
    { ref: 'ID.RA-02', title: 'Cyber threat intelligence is received from sharing forums and sources', group: ID_RA },
    { ref: 'ID.RA-03', title: 'Internal and external threats are identified and recorded', group: ID_RA },
    { ref: 'ID.RA-04', title: 'Threat impacts and likelihoods are identified and recorded', group: ID_RA },
    { ref: 'ID.RA-05', title: 'Inherent risk is understood and drives response prioritization', group: ID_RA },
    { ref: 'ID.RA-06', title: 'Risk responses are chosen, planned, tracked and communicated', group: ID_RA },
    { ref: 'ID.RA-07', title: 'Changes and exceptions are risk-assessed and tracked', group: ID_RA },
    { ref: 'ID.RA-08', title: 'Vulnerability disclosure handling processes exist', group: ID_RA },
    { ref: 'ID.RA-09', title: 'Hardware and software authenticity and integrity are checked before use', group: ID_RA },
    { ref: 'ID.RA-10', title: 'Critical suppliers are assessed before acquisition', group: ID_RA },

    { ref: 'ID.IM-01', title: 'Improvements are identified from evaluations', group: ID_IM },
    { ref: 'ID.IM-02', title: 'Improvements are identified from security tests and exercises', group: ID_IM },
    { ref: 'ID.IM-03', title: 'Improvements are identified from operational processes', group: ID_IM },
    { ref: 'ID.IM-04', title: 'Incident response and other cybersecurity plans are maintained and improved', group: ID_IM },

    // PROTECT (PR)
    { ref: 'PR.AA-01', title: 'Identities and credentials are managed', group: PR_AA },
    { ref: 'PR.AA-02', title: 'Identities are proofed and bound to credentials', group: PR_AA },
    { ref: 'PR.AA-03', title: 'Users, services and hardware are authenticated', group: PR_AA },
    { ref: 'PR.AA-04', title: 'Identity assertions are protected, conveyed and verified', group: PR_AA },
    { ref: 'PR.AA-05', title: 'Access permissions follow least privilege and separation of duties', group: PR_AA },
    { ref: 'PR.AA-06', title: 'Physical access to assets is managed and monitored', group: PR_AA },

    { ref: 'PR.AT-01', title: 'Personnel receive general cybersecurity awareness and training', group: PR_AT },
    { ref: 'PR.AT-02', title: 'Specialized roles receive role-specific cybersecurity training', group: PR_AT },

    { ref: 'PR.DS-01', title: 'Data at rest is protected', group: PR_DS },
    { ref: 'PR.DS-02', title: 'Data in transit is protected', group: PR_DS },
    { ref: 'PR.DS-10', title: 'Data in use is protected', group: PR_DS },
    { ref: 'PR.DS-11', title: 'Backups are created, protected, maintained and tested', group: PR_DS },

    { ref: 'PR.PS-01', title: 'Configuration management practices are applied', group: PR_PS },
    { ref: 'PR.PS-02', title: 'Software is maintained, replaced and removed according to risk', group: PR_PS },
    { ref: 'PR.PS-03', title: 'Hardware is maintained, replaced and removed according to risk', group: PR_PS },
    { ref: 'PR.PS-04', title: 'Logs are generated and available for continuous monitoring', group: PR_PS },
    { ref: 'PR.PS-05', title: 'Unauthorized software installation and execution are prevented', group: PR_PS },
    { ref: 'PR.PS-06', title: 'Secure software development practices are integrated and monitored', group: PR_PS },

    { ref: 'PR.IR-01', title: 'Networks and environments are protected from unauthorized access', group: PR_IR },
    { ref: 'PR.IR-02', title: 'Technology assets are protected from environmental threats', group: PR_IR },
    { ref: 'PR.IR-03', title: 'Resilience mechanisms meet normal and adverse-condition requirements', group: PR_IR },
    { ref: 'PR.IR-04', title: 'Adequate capacity is maintained for availability', group: PR_IR },

    // DETECT (DE)
    { ref: 'DE.CM-01', title: 'Networks and network services are monitored', group: DE_CM },
    { ref: 'DE.CM-02', title: 'Physical environment is monitored', group: DE_CM },
    { ref: 'DE.CM-03', title: 'Personnel activity and technology usage are monitored', group: DE_CM },
    { ref: 'DE.CM-06', title: 'External service provider activities are monitored', group: DE_CM },
    { ref: 'DE.CM-09', title: 'Hardware, software, runtime environments and data are monitored', group: DE_CM },

    { ref: 'DE.AE-02', title: 'Potentially adverse events are analyzed', group: DE_AE },
    { ref: 'DE.AE-03', title: 'Information is correlated from multiple sources', group: DE_AE },
    { ref: 'DE.AE-04', title: 'Impact and scope of adverse events are estimated', group: DE_AE },
    { ref: 'DE.AE-06', title: 'Adverse event information reaches authorized staff and tools', group: DE_AE },
    { ref: 'DE.AE-07', title: 'Threat intelligence and context are integrated into analysis', group: DE_AE },
    { ref: 'DE.AE-08', title: 'Incidents are declared when incident criteria are met', group: DE_AE },

    // RESPOND (RS)
    { ref: 'RS.MA-01', title: 'Incident response plan is executed with relevant third parties', group: RS_MA },
    { ref: 'RS.MA-02', title: 'Incident reports are triaged and validated', group: RS_MA },
    { ref: 'RS.MA-03', title: 'Incidents are categorized and prioritized', group: RS_MA },
    { ref: 'RS.MA-04', title: 'Incidents are escalated or elevated as needed', group: RS_MA },
    { ref: 'RS.MA-05', title: 'Criteria for starting incident recovery are applied', group: RS_MA },

    { ref: 'RS.AN-03', title: 'Incident timeline and root cause are analyzed', group: RS_AN },
    { ref: 'RS.AN-06', title: 'Investigation actions are recorded with integrity and provenance', group: RS_AN },
    { ref: 'RS.AN-07', title: 'Incident data is collected with integrity and provenance preserved', group: RS_AN },
    { ref: 'RS.AN-08', title: 'Incident magnitude is estimated and validated', group: RS_AN },

    { ref: 'RS.CO-02', title: 'Internal and external stakeholders are notified of incidents', group: RS_CO },
    { ref: 'RS.CO-03', title: 'Information is shared with designated stakeholders', group: RS_CO },

    { ref: 'RS.MI-01', title: 'Incidents are contained', group: RS_MI },
    { ref: 'RS.MI-02', title: 'Incidents are eradicated', group: RS_MI },

    // RECOVER (RC)
    { ref: 'RC.RP-01', title: 'Recovery portion of the incident response plan is executed', group: RC_RP },
    { ref: 'RC.RP-02', title: 'Recovery actions are selected, scoped, prioritized and performed', group: RC_RP },
    { ref: 'RC.RP-03', title: 'Backup and restoration asset integrity is verified before use', group: RC_RP },
    { ref: 'RC.RP-04', title: 'Post-incident operational norms are established', group: RC_RP },
    { ref: 'RC.RP-05', title: 'Restored assets are verified and normal operation is confirmed', group: RC_RP },
    { ref: 'RC.RP-06', title: 'End of recovery is declared and documentation completed', group: RC_RP },

    { ref: 'RC.CO-03', title: 'Recovery progress is communicated to designated stakeholders', group: RC_CO },
    { ref: 'RC.CO-04', title: 'Public recovery updates use approved methods and messaging', group: RC_CO },
  ],
};
