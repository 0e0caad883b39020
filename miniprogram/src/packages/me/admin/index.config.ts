export default definePageConfig({ navigationBarTitleText: '组织与授权', enablePullDownRefresh: true })
