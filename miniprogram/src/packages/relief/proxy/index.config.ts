export default definePageConfig({ navigationBarTitleText: '代居民申请', enablePullDownRefresh: true })
