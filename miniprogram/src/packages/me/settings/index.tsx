import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Btn, Chip, ErrorState, Field, Section, TextInput } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { openPrivacyGuide } from '../../../state/privacy'
import { useAction } from '../../../hooks/useAction'
import { auth } from '../../../hooks/auth'

export default function SettingsPage() {
  const t = useT()
  const app = useApp()
  const showPrivacy = useRouter().params.privacy === '1'
  const [name, setName] = useState(app.me?.displayName ?? '')
  const { busy, error, run } = useAction()
  useEffect(() => {
    if (app.me) setName(app.me.displayName)
  }, [app.me?.displayName])

  const saveName = () =>
    run('name', async () => {
      app.signedIn(await auth.updateProfile(name.trim()))
      void Taro.showToast({ title: t('common.saved'), icon: 'success' })
    })

  return (
    <Page title='settings.title'>
      <Section>
        <View className='switch-row'>
          <Text className='body'>{t('settings.elder')}</Text>
          <Text className='small muted'>{app.prefs.elder ? t('common.on') : t('common.off')}</Text>
          <Switch
            checked={app.prefs.elder}
            color='#b5121b'
            onChange={(e) => app.setPrefs({ elder: e.detail.value })}
            nativeProps={{ 'aria-label': t('settings.elder'), 'data-testid': 'settings-elder' }}
          />
        </View>
        <Field label={t('settings.language')}>
          <View className='row' {...{ role: 'group' }}>
            <Chip selected={app.prefs.lang === 'zh'} onClick={() => app.setPrefs({ lang: 'zh' })} testId='settings-lang-zh'>
              {t('settings.zh')}
            </Chip>
            <Chip selected={app.prefs.lang === 'en'} onClick={() => app.setPrefs({ lang: 'en' })} testId='settings-lang-en'>
              {t('settings.en')}
            </Chip>
          </View>
        </Field>
      </Section>

      {app.me ? (
        <Section>
          <Field label={t('settings.name')}>
            <TextInput label={t('settings.name')} value={name} onInput={setName} testId='settings-name' maxlength={20} />
          </Field>
          {error ? <ErrorState error={error} /> : null}
          <Btn block loading={!!busy} disabled={!name.trim() || name.trim() === app.me.displayName} onClick={saveName} testId='settings-name-save'>
            {t('common.save')}
          </Btn>
        </Section>
      ) : null}

      <Section title={t('settings.privacy')}>
        {showPrivacy || process.env.TARO_ENV === 'h5' ? <Text className='body block'>{t('privacy.body')}</Text> : null}
        {process.env.TARO_ENV === 'weapp' ? (
          <Btn block onClick={openPrivacyGuide}>
            {t('privacy.read')}
          </Btn>
        ) : null}
      </Section>
    </Page>
  )
}
