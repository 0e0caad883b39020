export default definePageConfig({ navigationBarTitleText: '安全生产检查', enablePullDownRefresh: true })
