import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, TextInput } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { org, useCommunities } from '../../../hooks/org'
import { useAction } from '../../../hooks/useAction'

export default function BindPage() {
  const t = useT()
  const app = useApp()
  const me = app.me
  const communities = useCommunities()
  const [code, setCode] = useState('')
  const [communityId, setCommunityId] = useState<string>()
  const [gridId, setGridId] = useState<string>()
  const [note, setNote] = useState('')
  const { busy, error, run } = useAction()
  const [done, setDone] = useState<string>()

  async function bind(name: string, body: { inviteCode: string } | { communityId: string; gridId?: string; note?: string }) {
    await run(name, async () => {
      const r = await org.bind(body)
      setDone(r.status === 'bound' ? t('bind.bound') : t('bind.pending'))
      await app.refreshMe()
      if (r.status === 'bound') setTimeout(() => void Taro.switchTab({ url: '/pages/home/index' }), 800)
    })
  }

  // a code read off a notice may be typed with spaces or dashes between its groups
  const cleanCode = code.replace(/[\s-]/g, '')
  const chosen = communities.data?.items.find((c) => c.id === communityId)
  return (
    <Page title='bind.title'>
      {me?.communityName ? <Text className='body block'>{t('bind.already', { name: me.communityName })}</Text> : null}
      {me?.pendingCommunityId ? <Text className='body block'>{t('home.pending')}</Text> : null}
      {done ? (
        <Text className='body block' data-testid='bind-result' {...{ role: 'status' }}>
          {done}
        </Text>
      ) : null}
      {error ? <ErrorState error={error} /> : null}

      <Section title={t('bind.byCode')}>
        <Field label={t('bind.code')}>
          <TextInput label={t('bind.code')} value={code} onInput={(v) => setCode(v.toUpperCase())} testId='bind-code' maxlength={20} />
        </Field>
        <Btn kind='primary' block disabled={cleanCode.length < 10} loading={busy === 'code'} onClick={() => bind('code', { inviteCode: cleanCode })} testId='bind-code-submit'>
          {t('bind.codeSubmit')}
        </Btn>
      </Section>

      <Section title={t('bind.byRequest')}>
        <Async q={communities}>
          {(d) => (
            <>
              <Field label={t('bind.community')}>
                <View className='row'>
                  {d.items.map((c) => (
                    <Chip key={c.id} selected={c.id === communityId} onClick={() => (setCommunityId(c.id), setGridId(undefined))} testId={`bind-community-${c.id}`}>
                      {`${c.name}（${c.subdistrictName}）`}
                    </Chip>
                  ))}
                </View>
              </Field>
              {chosen && chosen.grids.length ? (
                <Field label={t('bind.grid')}>
                  <View className='row'>
                    <Chip selected={!gridId} onClick={() => setGridId(undefined)}>
                      {t('bind.noGrid')}
                    </Chip>
                    {chosen.grids.map((g) => (
                      <Chip key={g.id} selected={g.id === gridId} onClick={() => setGridId(g.id)} testId={`bind-grid-${g.id}`}>
                        {g.name}
                      </Chip>
                    ))}
                  </View>
                </Field>
              ) : null}
              <Field label={t('bind.note')}>
                <TextInput label={t('bind.note')} value={note} onInput={setNote} testId='bind-note' maxlength={200} />
              </Field>
              <Btn
                block
                disabled={!communityId}
                loading={busy === 'request'}
                onClick={() => communityId && bind('request', { communityId, gridId, note: note.trim() || undefined })}
                testId='bind-request'
              >
                {t('bind.request')}
              </Btn>
            </>
          )}
        </Async>
      </Section>
    </Page>
  )
}
