export default definePageConfig({ navigationBarTitleText: '四必访', enablePullDownRefresh: true })
