export default definePageConfig({ navigationBarTitleText: '助急', enablePullDownRefresh: true })
