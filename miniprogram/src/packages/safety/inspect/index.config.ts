export default definePageConfig({ navigationBarTitleText: '逐项检查' })
