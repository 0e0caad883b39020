export default defineAppConfig({
  pages: ['pages/home/index', 'pages/matters/index', 'pages/services/index', 'pages/volunteer/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    { root: 'packages/sayItDay', name: 'sayItDay', pages: ['submit/index', 'matter/index', 'session/index'] },
    { root: 'packages/worker', name: 'worker', pages: ['run/index', 'sessions/index', 'rule/index', 'bindings/index'] },
    { root: 'packages/signups', name: 'signups', pages: ['register/index', 'activity/index', 'event/index', 'hours/index', 'timebank/index', 'teams/index', 'organize/index', 'newActivity/index', 'newEvent/index', 'roster/index', 'qr/index', 'door/index', 'verify/index'] },
    { root: 'packages/me', name: 'me', pages: ['inbox/index', 'bind/index', 'settings/index', 'admin/index'] },
    { root: 'packages/fiveLists', name: 'fiveLists', pages: ['matter/index', 'rate/index', 'board/index', 'unit/index', 'officer/index', 'scores/index', 'councils/index', 'council/index', 'consultations/index', 'consultation/index', 'raise/index', 'publish/index'] },
    { root: 'packages/announcements', name: 'announcements', pages: ['list/index', 'detail/index', 'post/index'] },
    { root: 'packages/employment', name: 'employment', pages: ['board/index'] },
    { root: 'packages/microProjects', name: 'microProjects', pages: ['projects/index', 'accounts/index'] },
    { root: 'packages/cases', name: 'cases', pages: ['list/index', 'case/index', 'raise/index', 'backlog/index', 'import/index'] },
    { root: 'packages/elderCare', name: 'elderCare', pages: ['home/index', 'book/index', 'meals/index', 'bookings/index', 'emergency/index', 'family/index', 'behalf/index', 'provider/index'] },
    { root: 'packages/relief', name: 'relief', pages: ['apply/index', 'application/index', 'proxy/index', 'queue/index', 'disbursements/index', 'figures/index', 'registry/index', 'household/index', 'visits/index', 'notice/index', 'rules/index'] },
    { root: 'packages/workbench', name: 'workbench', pages: ['teams/index', 'volunteer/index'] },
    { root: 'packages/workSummary', name: 'workSummary', pages: ['summary/index'] },
    { root: 'packages/safety', name: 'safety', pages: ['sites/index', 'inspect/index', 'hazards/index', 'case/index', 'shops/index', 'report/index'] },
    { root: 'packages/privacy', name: 'privacy', pages: ['home/index'] },
    { root: 'packages/moderation', name: 'moderation', pages: ['queue/index'] },
    // the component kit's gallery, for the browser tests of each shared component (tests/e2e/kit.test.ts): h5 only,
    // never in the weapp (Taro reads this file at build time, where TARO_ENV is the target)
    ...(process.env.TARO_ENV === 'h5' ? [{ root: 'packages/kit', name: 'kit', pages: ['gallery/index'] }] : []),
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['sayItDay'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
  // The five tabs of DESIGN.md. 办事 (services) is pages/services + packages/relief; 志愿 (volunteering) is
  // pages/volunteer + packages/signups.
  tabBar: {
    color: '#4d4d4d',
    selectedColor: '#b5121b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/matters/index', text: '说事' },
      { pagePath: 'pages/services/index', text: '办事' },
      { pagePath: 'pages/volunteer/index', text: '志愿' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于标注您反映问题的位置' },
  },
  requiredPrivateInfos: ['chooseLocation'],
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
})
