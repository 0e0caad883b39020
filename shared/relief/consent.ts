/** The separate consent to the processing of sensitive personal information (个人信息保护法 第二十九条). Versions are kept. */
export const consentTexts = {
  '2026-11': {
    textZh:
      '为办理社会救助申请，您同意本社区、街道及民政部门收集和使用您及家庭成员的身份证号码、收入、健康与残疾情况及银行账户等敏感个人信息，仅用于审核、发放与回访，加密保存，按规定期限删除。您可随时撤回申请。',
    textEn:
      'To process this relief application you agree that the community, the sub-district and civil affairs collect and use the ID numbers, income, health and disability facts and bank accounts of you and your household, only to review, pay and follow up; they are stored encrypted and deleted when the rules say. You may withdraw the application at any time.',
  },
} as const;
export type ConsentVersion = keyof typeof consentTexts;
export const currentConsentVersion: ConsentVersion = '2026-11';
