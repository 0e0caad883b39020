export default definePageConfig({ navigationBarTitleText: '单位评分', enablePullDownRefresh: true })
