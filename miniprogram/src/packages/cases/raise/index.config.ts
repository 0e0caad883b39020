export default definePageConfig({ navigationBarTitleText: '登记案件' })
