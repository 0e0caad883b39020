import { useEffect, useState } from 'react'
import type { Role } from '@shared/org/schemas'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../components/Page'
import { Btn, ErrorState, Field, Section, TextInput } from '../../components/ui'
import { useT } from '../../i18n/useT'
import { useApp } from '../../state/app'
import { setTokens } from '../../api/client'
import { useAction } from '../../hooks/useAction'
import { auth } from '../../hooks/auth'

/** openids the local stack seeds, one per role, so a newcomer can try every role */
const demoAccounts: [string, Role][] = [
  ['resident-wang', 'resident'],
  ['resident-li', 'resident'],
  ['resident-zhao', 'resident'],
  ['grid-chen', 'gridWorker'],
  ['worker-liu', 'communityWorker'],
  ['officer-huang', 'subdistrictOfficer'],
  ['committee-tang', 'jointCommittee'],
  ['unit-sun', 'unitContact'],
  ['organizer-zhou', 'organizer'],
  ['staff-ma', 'communityWorker'],
  ['admin', 'admin'],
  ['newcomer', 'resident'],
]

export default function LoginPage() {
  const t = useT()
  const app = useApp()
  const [openid, setOpenid] = useState('')
  const { busy, error, run, setError } = useAction()

  const login = (code: string) =>
    run('login', async () => {
      const tokens = await auth.wechatLogin(code)
      setTokens(tokens)
      app.signedIn(tokens.me)
      await Taro.switchTab({ url: '/pages/home/index' })
    })

  async function wechatLogin() {
    try {
      const { code } = await Taro.login()
      await login(code)
    } catch (e) {
      setError(e)
    }
  }

  useEffect(() => {
    // in WeChat the login needs no typing: try it at once, the button is there if it fails
    if (process.env.TARO_ENV === 'weapp') void wechatLogin()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <Page title='login.title'>
      {error ? <ErrorState error={error} /> : null}
      {process.env.TARO_ENV === 'weapp' ? (
        <Section>
          <Btn kind='primary' block loading={!!busy} onClick={wechatLogin} testId='login-wechat'>
            {t('login.wechat')}
          </Btn>
        </Section>
      ) : (
        <>
          <Section>
            <Text className='small muted block'>{t('login.devHint')}</Text>
            <Field label={t('login.openid')}>
              <TextInput label={t('login.openid')} value={openid} onInput={setOpenid} placeholder={t('login.openidPlaceholder')} testId='login-openid' maxlength={60} />
            </Field>
            <Btn kind='primary' block loading={!!busy} disabled={!openid.trim()} onClick={() => login(`dev:${openid.trim()}`)} testId='login-submit'>
              {t('login.submit')}
            </Btn>
          </Section>
          <Section title={t('login.demo')}>
            <View className='row gap'>
              {demoAccounts.map(([id, role]) => (
                <Btn key={id} small onClick={() => login(`dev:${id}`)} testId={`login-demo-${id}`} disabled={!!busy}>
                  {`${id} · ${t(`role.${role}`)}`}
                </Btn>
              ))}
            </View>
          </Section>
        </>
      )}
    </Page>
  )
}
