/**
 * The separate consent a volunteer gives before their ID number is collected (个人信息保护法 第二十九条: sensitive
 * personal information needs its own consent). Versions are kept: the record says which text was agreed to, and when.
 */
export const volunteerIdConsentTexts = {
  '2026-11': {
    textZh:
      '按照《志愿服务记录与证明出具办法》（民政部令第67号），志愿服务记录证明需载明您的身份证号码。您同意本社区和街道收集您的身份证号码，仅用于出具志愿服务记录证明；加密保存，证明和页面上只显示部分号码。您可随时删除。',
    textEn:
      'The certificate of service hours (Ministry of Civil Affairs Order No. 67) states your ID number. You agree that the community and the sub-district collect your ID number only to issue that certificate; it is stored encrypted, and certificates and pages show it masked. You may delete it at any time.',
  },
} as const;
export type VolunteerIdConsentVersion = keyof typeof volunteerIdConsentTexts;
export const currentVolunteerIdConsentVersion: VolunteerIdConsentVersion = '2026-11';
