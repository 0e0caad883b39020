export default definePageConfig({ navigationBarTitleText: '救助类型与规则' })
