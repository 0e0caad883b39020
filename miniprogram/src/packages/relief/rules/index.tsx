import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import type { MessageKey } from '../../../i18n/messages'
import { useQuery } from '../../../hooks/useQuery'
import { chinaDay } from '@shared/platform/chinaTime'
import { RuleVersionInput } from '@shared/relief/rules'
import { fieldErrors } from '../../../lib/fieldErrors'
import { typeKey, useAction, type ReliefTypeName } from '../lib/relief'
import '../lib/messages'
import { relief, useReliefTypes } from '../../../hooks/relief'

/** what to do about a field the schema refuses (a figure and a deadline are named down to their own input: depth 2) */
const fieldMessages: Record<string, MessageKey> = { reason: 'rl.rules.needReason', effectiveFrom: 'rl.rules.badDay', parameters: 'rl.rules.badFigure', levels: 'rl.rules.badDeadline' }

const levelKey = (role: string) => (role === 'communityWorker' ? 'rl.level.community' : 'rl.level.subdistrict') as MessageKey

/**
 * 救助类型与规则 (officers): each type with the version in force in the sub-district, its history, and a form for a new
 * version (the figures, each level's deadline in working days, the effective day, the reason). Nothing is edited in
 * place: a change is a new version from its day.
 */
export default function RulesPage() {
  const t = useT()
  const types = useReliefTypes()
  const [picked, setPicked] = useState<ReliefTypeName>()
  const type = picked ?? (types.data?.items[0]?.type as ReliefTypeName | undefined)
  const history = useQuery(() => relief.typeVersions(type!), [type], !!type)
  const current = types.data?.items.find((x) => x.type === type)
  const [params, setParams] = useState<Record<string, string>>({})
  const [days, setDays] = useState<Record<number, string>>({})
  const [effectiveFrom, setEffectiveFrom] = useState(chinaDay(new Date()))
  const [reason, setReason] = useState('')
  const act = useAction()
  const [errs, setErrs] = useState<Record<string, string>>({})

  function pick(ty: ReliefTypeName) {
    setPicked(ty)
    setParams({})
    setDays({})
    setErrs({})
  }

  const save = () =>
    act.run('save', async () => {
      if (!current) return
      const body = {
        nameZh: current.nameZh,
        nameEn: current.nameEn,
        parameters: Object.fromEntries(Object.entries(current.parameters ?? {}).map(([k, x]) => [k, Number(params[k] ?? x)])),
        documents: current.documents,
        levels: (current.levels ?? []).map((l, i) => ({ role: l.role, deadlineDays: Number(days[i] ?? l.deadlineDays) })),
        effectiveFrom: effectiveFrom.trim(),
        reason: reason.trim(),
      }
      // what the schema refuses is said beside its field, before anything is sent (the server's 400 would only say
      // the request is not valid); a figure or deadline is named down to its own input
      const parsed = RuleVersionInput.safeParse(body)
      const found = parsed.success ? {} : fieldErrors(t, parsed.error, ([field]) => t(fieldMessages[field ?? ''] ?? 'common.error'), 2)
      setErrs(found)
      if (!parsed.success) return
      const v = await relief.addTypeVersion(current.type, parsed.data)
      void Taro.showToast({ title: t('rl.rules.added', { v: v.version }), icon: 'success' })
      setReason('')
      setParams({})
      setDays({})
      types.reload()
      history.reload()
    })

  return (
    <Page title='rl.rules.title'>
      <Async q={types}>
        {(d) => (
          <View>
            <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.rules.title') })}>
              {d.items.map((x) => (
                <Chip key={x.type} selected={x.type === type} onClick={() => pick(x.type as ReliefTypeName)} testId={`rl-rules-type-${x.type}`}>
                  {t(typeKey(x.type))}
                </Chip>
              ))}
            </View>
            {current ? (
              <Section title={t(typeKey(current.type))}>
                <Text className='body block' data-testid='rl-rules-in-force'>
                  {current.version ? t('rl.rules.inForce', { v: current.version, d: current.effectiveFrom ?? '' }) : t('rl.rules.builtIn')}
                </Text>
                {current.nextVersion ? <Tag tone='brand'>{t('rl.rules.next', { v: current.nextVersion.version, d: current.nextVersion.effectiveFrom })}</Tag> : null}
                {Object.entries(current.parameters ?? {}).map(([k, v]) => (
                  <Text key={k} className='body block'>{`${t(`rl.param.${k}` as MessageKey)}：${v}`}</Text>
                ))}
                <Text className='small block'>
                  {t('rl.rules.levels', { levels: (current.levels ?? []).map((l) => t('rl.rules.days', { level: t(levelKey(l.role)), n: l.deadlineDays })).join('，') })}
                </Text>
              </Section>
            ) : null}
            {current ? (
              <Section title={t('rl.rules.add')}>
                {Object.entries(current.parameters ?? {}).map(([k, v]) => (
                  <Field key={k} label={t(`rl.param.${k}` as MessageKey)} error={errs[`parameters.${k}`]}>
                    <TextInput label={t(`rl.param.${k}` as MessageKey)} type='digit' value={params[k] ?? String(v)} onInput={(x) => setParams((p) => ({ ...p, [k]: x }))} testId={`rl-rules-param-${k}`} />
                  </Field>
                ))}
                {(current.levels ?? []).map((l, i) => (
                  <Field key={i} label={t('rl.rules.deadline', { level: t(levelKey(l.role)) })} error={errs[`levels.${i}`]}>
                    <TextInput label={t('rl.rules.deadline', { level: t(levelKey(l.role)) })} type='number' value={days[i] ?? String(l.deadlineDays)} onInput={(x) => setDays((p) => ({ ...p, [i]: x }))} testId={`rl-rules-days-${i}`} />
                  </Field>
                ))}
                <Field label={t('rl.rules.effectiveFrom')} error={errs.effectiveFrom}>
                  <TextInput label={t('rl.rules.effectiveFrom')} value={effectiveFrom} onInput={setEffectiveFrom} testId='rl-rules-from' maxlength={10} />
                </Field>
                <Field label={t('rl.rules.reason')} error={errs.reason}>
                  <TextInput label={t('rl.rules.reason')} value={reason} onInput={setReason} testId='rl-rules-reason' maxlength={200} />
                </Field>
                <Btn kind='primary' block onClick={save} loading={act.busy === 'save'} testId='rl-rules-save'>
                  {t('rl.rules.add')}
                </Btn>
                {act.error ? <ErrorState error={act.error} /> : null}
              </Section>
            ) : null}
            <Section title={t('rl.rules.history')}>
              <Async q={history}>
                {(h) => (
                  <View data-testid='rl-rules-history'>
                    {h.items.map((v) => (
                      <View key={v.version} className='card' data-testid={`rl-rules-version-${v.version}`}>
                        {/* in force, or scheduled: later than the one in force (whose day has come, so this one's has not) */}
                        {v.version === h.inForce ? (
                          <Tag tone='good'>{t('rl.rules.current')}</Tag>
                        ) : v.effectiveFrom > (h.items.find((x) => x.version === h.inForce)?.effectiveFrom ?? '') ? (
                          <Tag tone='brand'>{t('rl.rules.scheduled')}</Tag>
                        ) : null}
                        <Text className='card-title'>{t('rl.rules.version', { v: v.version, d: v.effectiveFrom, who: v.authorName })}</Text>
                        <Text className='small block'>{Object.entries(v.parameters).map(([k, x]) => `${t(`rl.param.${k}` as MessageKey)}：${x}`).join('；')}</Text>
                        <Text className='small muted block'>{`${t('rl.rules.reason')}：${v.reason}`}</Text>
                      </View>
                    ))}
                  </View>
                )}
              </Async>
            </Section>
          </View>
        )}
      </Async>
    </Page>
  )
}
