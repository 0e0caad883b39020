export default definePageConfig({ navigationBarTitleText: '上报违建' })
