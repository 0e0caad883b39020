export default definePageConfig({ navigationBarTitleText: '单位领单', enablePullDownRefresh: true })
