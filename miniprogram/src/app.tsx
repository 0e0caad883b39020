import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { AppProvider } from './state/app'
import { initPrivacy } from './state/privacy'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initPrivacy()
  })
  return <AppProvider>{children}</AppProvider>
}

export default App
