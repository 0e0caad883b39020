import { useEffect, useState, type PropsWithChildren, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useT } from '../i18n/useT'
import type { MessageKey } from '../i18n/messages'
import { agreePrivacy, disagreePrivacy, openPrivacyGuide, subscribePrivacy } from '../state/privacy'
import { aria, isH5 } from './a11y'

/** The root of every page: elder mode and language are classes here; the privacy prompt lives here too. */
export function Page({ title, children, actions }: PropsWithChildren<{ title: MessageKey; actions?: ReactNode }>) {
  const t = useT()
  const heading = t(title)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: heading }).catch(() => undefined)
    if (isH5 && typeof document !== 'undefined') document.title = `${heading} - ${t('app.name')}`
  }, [heading, t])
  const cls = ['page', t.elder ? 'elder' : '', t.lang === 'en' ? 'lang-en' : 'lang-zh'].join(' ')
  return (
    <View className={cls} {...aria({ lang: t.lang === 'en' ? 'en' : 'zh-CN' })}>
      <PrivacyPrompt />
      <View className='page-head'>
        <Text className='h1' {...aria({ role: 'heading', 'aria-level': 1 })}>
          {heading}
        </Text>
        {actions}
      </View>
      <View className='page-body' {...aria({ role: 'main' })}>
        {children}
      </View>
    </View>
  )
}

function PrivacyPrompt() {
  const t = useT()
  const [show, setShow] = useState(false)
  useEffect(() => subscribePrivacy(setShow), [])
  if (!show) return null
  return (
    <View className={isH5 ? 'privacy-banner' : 'privacy-mask'} {...aria({ role: isH5 ? 'region' : 'dialog', 'aria-label': t('privacy.title') })} data-testid='privacy-prompt'>
      <View className='privacy-box'>
        <Text className='h2' {...aria({ role: 'heading', 'aria-level': 2 })}>
          {t('privacy.title')}
        </Text>
        <Text className='body privacy-text'>{t('privacy.body')}</Text>
        <Text className='link' onClick={openPrivacyGuide} {...aria({ role: 'link', tabindex: 0 })}>
          {t('privacy.read')}
        </Text>
        <View className='row gap'>
          <Button className='btn btn-plain' onClick={disagreePrivacy} {...aria({ role: isH5 ? 'button' : undefined })} data-testid='privacy-disagree'>
            {t('privacy.disagree')}
          </Button>
          <Button
            id='privacy-agree'
            className='btn btn-primary'
            openType={isH5 ? undefined : 'agreePrivacyAuthorization'}
            onAgreePrivacyAuthorization={() => agreePrivacy('privacy-agree')}
            onClick={() => isH5 && agreePrivacy()}
            {...aria({ role: isH5 ? 'button' : undefined })}
            data-testid='privacy-agree'
          >
            {t('privacy.agree')}
          </Button>
        </View>
      </View>
    </View>
  )
}
