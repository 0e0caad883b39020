export default definePageConfig({ navigationBarTitleText: '订一周餐', enablePullDownRefresh: true })
