/**
 * The privacy policy (隐私政策), versioned. The texts ship with the code; which one is in force is a setting in the
 * table (functions/privacy/store.ts currentPolicySetting, absent: `defaultPrivacyPolicyVersion`), so a new text can be
 * deployed first and put in force on its day, and a test can move it. A person's accepted version is recorded when they agree (POST
 * /me/privacy/accept); when this version is newer, GET /me/privacy answers `code: PRIVACY_POLICY_NEW_VERSION` and the
 * app shows the policy again and asks. Older versions stay here: a record says which text was agreed to.
 */
export const privacyPolicies = {
  '2026-12': {
    zh:
      '邻里（社区服务小程序）只收集社区工作需要的个人信息：微信身份标识、您填写的姓名与电话、您提交的事项与照片、您申请的救助与服务。' +
      '身份证号、收入、健康等敏感个人信息另行取得您的单独同意，加密保存，只向有权审核的工作人员在留痕后显示。' +
      '您可以在“我的 → 个人信息与隐私”中下载您的数据、撤回同意、注销账号（个人信息保护法第四十四条至第四十七条）。' +
      '各类记录按保存期限删除：救助档案在办结后按规定保存五年，撤回事项的照片三十天后删除，数据下载文件七天后删除。',
    en:
      'Linli (the community service mini-program) collects only what community work needs: your WeChat identity, the name and phone you give, the matters and photos you submit, the relief and services you apply for. ' +
      'ID numbers, income and health facts are taken only with your separate consent, stored encrypted, and shown only to reviewers entitled to them, with each view recorded. ' +
      'Under 我的 → 个人信息与隐私 you can download your data, withdraw a consent and close your account (PIPL articles 44–47). ' +
      'Records are deleted by their retention periods: relief files are kept five years after they close, as the law requires; photos of withdrawn matters are deleted after 30 days; data downloads after 7 days.',
  },
  '2027-01': {
    zh:
      '邻里（社区服务小程序）只收集社区工作需要的个人信息：微信身份标识、您填写的姓名与电话、您提交的事项与照片、您申请的救助与服务。' +
      '身份证号、收入、健康等敏感个人信息另行取得您的单独同意，加密保存，只向有权审核的工作人员在留痕后显示。' +
      '您可以在“我的 → 个人信息与隐私”中下载您的数据、撤回同意、注销账号（个人信息保护法第四十四条至第四十七条）。' +
      '各类记录按保存期限删除：救助档案在办结后按规定保存五年，撤回事项的照片三十天后删除，数据下载文件七天后删除；' +
      '一键求助（助急）记录的位置在求助九十天后删除，求助记录本身保留；查看救助信息和材料的留痕记录保存五年后删除。',
    en:
      'Linli (the community service mini-program) collects only what community work needs: your WeChat identity, the name and phone you give, the matters and photos you submit, the relief and services you apply for. ' +
      'ID numbers, income and health facts are taken only with your separate consent, stored encrypted, and shown only to reviewers entitled to them, with each view recorded. ' +
      'Under 我的 → 个人信息与隐私 you can download your data, withdraw a consent and close your account (PIPL articles 44–47). ' +
      'Records are deleted by their retention periods: relief files are kept five years after they close, as the law requires; photos of withdrawn matters are deleted after 30 days; data downloads after 7 days; ' +
      'the location of a help call (助急) is deleted 90 days after the call, the call itself is kept; the records of who viewed relief details and documents are deleted after 5 years.',
    changesZh: '新增两项保存期限：一键求助的位置九十天后删除；查看救助信息和材料的留痕记录保存五年后删除。',
    changesEn: 'Two retention periods added: the location of a help call is deleted after 90 days; the records of who viewed relief details and documents are deleted after 5 years.',
  },
} as const satisfies Record<string, { zh: string; en: string; changesZh?: string; changesEn?: string }>;

export type PrivacyPolicyVersion = keyof typeof privacyPolicies;
/** The version in force while the table holds no setting (a fresh stage); the setting names another when published. */
export const defaultPrivacyPolicyVersion: PrivacyPolicyVersion = '2026-12';
/** The default under its older name (tests import it); what is in force is read with store.currentPolicyVersion. */
export const currentPrivacyPolicyVersion: PrivacyPolicyVersion = defaultPrivacyPolicyVersion;

export function isPolicyVersion(v: string): v is PrivacyPolicyVersion {
  return Object.prototype.hasOwnProperty.call(privacyPolicies, v);
}

/** The policy's text and, for a version after the first, what changed (shown when a person is asked again). */
export function policyText(version: PrivacyPolicyVersion): { version: string; textZh: string; textEn: string; changesZh?: string; changesEn?: string } {
  const p: { zh: string; en: string; changesZh?: string; changesEn?: string } = privacyPolicies[version];
  return { version, textZh: p.zh, textEn: p.en, ...(p.changesZh ? { changesZh: p.changesZh, changesEn: p.changesEn } : {}) };
}

/** Whether `accepted` is older than the current version (absent: never accepted). Versions sort as text (YYYY-MM). */
export function policyIsNewer(accepted: string | undefined, current: string = defaultPrivacyPolicyVersion): boolean {
  return !accepted || accepted < current;
}
