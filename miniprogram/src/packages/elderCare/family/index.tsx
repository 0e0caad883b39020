import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import '../lib/messages'
import '../lib/elderCare.css'
import { Page } from '../../../components/Page'
import { Async, Btn, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { elderCare, useElderCareHome } from '../../../hooks/elderCare'

/**
 * 家属绑定. The elder makes a code and gives it to family; family enters it here; the elder agrees. From then on family
 * may book for the elder and is told of their 助急 requests.
 */
export default function FamilyPage() {
  const t = useT()
  const q = useElderCareHome()
  const act = useAction()
  const [code, setCode] = useState<string>()
  const [enter, setEnter] = useState('')
  const [relation, setRelation] = useState('')

  async function makeCode() {
    await act.run('code', async () => setCode((await elderCare.familyCode()).code))
  }
  async function confirm(familyId: string) {
    await act.run(`confirm-${familyId}`, async () => {
      await elderCare.confirmFamilyLink(familyId)
      await q.reload()
    })
  }
  async function ask() {
    await act.run('ask', async () => {
      await elderCare.requestFamilyLink({ code: enter.trim(), relation: relation.trim() })
      await q.reload()
    })
  }

  return (
    <Page title='ec.family'>
      {act.error ? <ErrorState error={act.error} /> : null}
      <Async q={q}>
        {(d) => (
          <View>
            {d.me.communityId ? (
              <Section title={t('ec.family')}>
                {d.family.map((f) => (
                  <View key={f.familyId} className='card'>
                    {f.status === 'pending' ? (
                      <View>
                        <Text className='body block'>{t('ec.familyPending', { name: f.familyName, relation: f.relation })}</Text>
                        <Btn kind='primary' onClick={() => void confirm(f.familyId)} loading={act.busy === `confirm-${f.familyId}`} testId={`ec-family-confirm-${f.familyId}`}>
                          {t('ec.familyConfirm')}
                        </Btn>
                      </View>
                    ) : (
                      <Text className='body block'>{t('ec.familyConfirmed', { name: f.familyName, relation: f.relation })}</Text>
                    )}
                  </View>
                ))}
                {code ? (
                  <Text className='h2 block' data-testid='ec-family-code' {...aria({ role: 'status' })}>
                    {t('ec.familyCodeIs', { code })}
                  </Text>
                ) : (
                  <Btn onClick={makeCode} loading={act.busy === 'code'} testId='ec-family-make-code'>
                    {t('ec.familyCode')}
                  </Btn>
                )}
              </Section>
            ) : null}
            <Section title={t('ec.myElders')}>
              {d.asFamily.map((f) => (
                <View key={f.elderId} className='row between card'>
                  <Text className='body'>{f.elderName}</Text>
                  {f.status === 'pending' ? <Tag tone='warn'>{t('ec.familyAsked')}</Tag> : <Tag tone='good'>{f.relation}</Tag>}
                </View>
              ))}
              <Field label={t('ec.familyEnter')}>
                <TextInput label={t('ec.familyEnter')} value={enter} onInput={setEnter} maxlength={6} testId='ec-family-code-input' />
              </Field>
              <Field label={t('ec.relation')}>
                <TextInput label={t('ec.relation')} value={relation} onInput={setRelation} maxlength={10} testId='ec-family-relation' />
              </Field>
              <View className='ec-bottom'>
                <Btn kind='primary' block onClick={ask} loading={act.busy === 'ask'} disabled={enter.trim().length !== 6 || !relation.trim()} testId='ec-family-ask'>
                  {t('ec.familyAsk')}
                </Btn>
              </View>
            </Section>
          </View>
        )}
      </Async>
    </Page>
  )
}
