export default definePageConfig({ navigationBarTitleText: '困难家庭' })
