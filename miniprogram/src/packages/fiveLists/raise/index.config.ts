export default definePageConfig({ navigationBarTitleText: '网格收单' })
