export default definePageConfig({ navigationBarTitleText: '发布决策咨询' })
