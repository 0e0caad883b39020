export default definePageConfig({ navigationBarTitleText: '发布社区活动' })
