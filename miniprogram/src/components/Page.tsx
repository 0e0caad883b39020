import { useEffect, useState, type PropsWithChildren, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button as NutButton } from '@nutui/nutui-react-taro'
import { useT } from '../i18n/useT'
import type { MessageKey } from '../i18n/messages'
import { pk } from '../i18n/privacy'
import { agreePrivacy, checkPolicyVersion, disagreePrivacy, openPrivacyGuide, subscribeNewPolicy, subscribePrivacy, type NewPolicy } from '../state/privacy'
import { aria, isH5 } from './a11y'
import { useAction } from '../hooks/useAction'

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

/**
 * The agreement sheet: at first launch WeChat's (or, in h5, our first-run) agreement; after sign-in, when the server
 * says a newer policy is in force than the one the person accepted (GET /me/privacy), that version with what changed
 * and its text, and agreeing records the acceptance (state/privacy.ts checkPolicyVersion).
 */
function PrivacyPrompt() {
  const t = useT()
  const [show, setShow] = useState(false)
  const [policy, setPolicy] = useState<NewPolicy | undefined>()
  const { busy, run } = useAction()
  useEffect(() => subscribePrivacy(setShow), [])
  useEffect(() => subscribeNewPolicy(setPolicy), [])
  useEffect(() => {
    void checkPolicyVersion()
  }, [])
  if (!show) return null
  const agree = (buttonId?: string) => {
    if (busy) return
    void run('agree', () => agreePrivacy(buttonId).catch(() => Taro.showToast({ title: t(pk('pv.acceptFailed')), icon: 'none' })))
  }
  const en = t.lang === 'en'
  const title = policy ? t(pk('pv.newTitle')) : t('privacy.title')
  return (
    <View className={isH5 ? 'privacy-banner' : 'privacy-mask'} {...aria({ role: isH5 ? 'region' : 'dialog', 'aria-label': title })} data-testid='privacy-prompt'>
      <View className='privacy-box'>
        <Text className='h2' {...aria({ role: 'heading', 'aria-level': 2 })}>
          {title}
        </Text>
        {policy ? (
          <View data-testid='privacy-new-version'>
            <Text className='body block'>{t(pk('pv.newIntro'), { old: policy.acceptedVersion ?? '', version: policy.version })}</Text>
            {policy.changesZh ? (
              <Text className='body block' data-testid='privacy-changes'>
                {t(pk('pv.changes'), { changes: (en ? policy.changesEn : policy.changesZh) ?? '' })}
              </Text>
            ) : null}
            <Text className='small block privacy-text'>{en ? policy.textEn : policy.textZh}</Text>
          </View>
        ) : (
          <Text className='body privacy-text'>{t('privacy.body')}</Text>
        )}
        <Text className='link' onClick={openPrivacyGuide} {...aria({ role: 'link', tabindex: 0 })}>
          {t('privacy.read')}
        </Text>
        <View className='row gap'>
          <NutButton className='btn' type='default' fill='outline' onClick={disagreePrivacy} {...aria({ role: isH5 ? 'button' : undefined, tabindex: isH5 ? 0 : undefined })} data-testid='privacy-disagree'>
            {policy ? t(pk('pv.later')) : t('privacy.disagree')}
          </NutButton>
          {/* NutUI's Button hands openType and its event to Taro's, so WeChat's own agreement button still works */}
          <NutButton
            id='privacy-agree'
            className='btn'
            type='primary'
            openType={isH5 ? undefined : 'agreePrivacyAuthorization'}
            onAgreePrivacyAuthorization={() => agree('privacy-agree')}
            onClick={() => isH5 && agree()}
            {...aria({ role: isH5 ? 'button' : undefined, tabindex: isH5 ? 0 : undefined, 'aria-disabled': busy ? true : undefined })}
            data-testid='privacy-agree'
          >
            {policy ? t(pk('pv.policyAccept')) : t('privacy.agree')}
          </NutButton>
        </View>
      </View>
    </View>
  )
}
