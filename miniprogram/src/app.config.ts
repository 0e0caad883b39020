export default defineAppConfig({
  pages: ['pages/home/index', 'pages/matters/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    { root: 'packages/sayItDay', name: 'sayItDay', pages: ['submit/index', 'matter/index', 'session/index'] },
    { root: 'packages/worker', name: 'worker', pages: ['run/index', 'sessions/index', 'rule/index', 'bindings/index'] },
    { root: 'packages/me', name: 'me', pages: ['inbox/index', 'bind/index', 'settings/index', 'admin/index'] },
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
  // Showing only what works: 办事 (services) and 志愿 (volunteering) are not built yet, so they are not in the
  // tab bar; they join it when their subpackages exist (DESIGN.md lists all five tabs).
  tabBar: {
    color: '#4d4d4d',
    selectedColor: '#b5121b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/matters/index', text: '说事' },
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
