export default definePageConfig({ navigationBarTitleText: '街道分单', enablePullDownRefresh: true })
