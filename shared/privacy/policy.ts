/**
 * The privacy policy (隐私政策), versioned. A person's accepted version is recorded when they agree (POST
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
} as const;

export type PrivacyPolicyVersion = keyof typeof privacyPolicies;
export const currentPrivacyPolicyVersion: PrivacyPolicyVersion = '2026-12';

/** Whether `accepted` is older than the current version (absent: never accepted). Versions sort as text (YYYY-MM). */
export function policyIsNewer(accepted: string | undefined, current: string = currentPrivacyPolicyVersion): boolean {
  return !accepted || accepted < current;
}
