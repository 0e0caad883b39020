import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { RegisterSiteInput } from '@shared/safety/schemas'
import { siteTypeDefs, siteTypes, type SiteType } from '@shared/safety/siteTypes'
import { useWorkedCommunity } from '../lib/community'
import { CommunityPicker } from '../lib/CommunityPicker'
import '../lib/safety.css'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, LinkRow, Loading, Section, Tag, TextInput } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useAction } from '../../../hooks/useAction'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { fmtDateTime } from '../../../lib/format'
import { safety, useSafetySites } from '../../../hooks/safety'

/**
 * 安全生产检查: the safety inspector's list of a community's registered sites (by type), each with its last inspection
 * and its open hazards, one tap to inspect; community workers and officers register sites here. Links to the hazards,
 * the street-front agreements and the illegal-building report form.
 */
export default function SafetySitesPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const { worked, current, pick, loading } = useWorkedCommunity(me, useRouter().params.communityId)
  const communityId = current?.id
  const sites = useSafetySites(communityId)
  const act = useAction()
  const keyFor = useAttemptKey()
  const [type, setType] = useState<SiteType>('school')
  const [name, setName] = useState('')
  const [address, setAddress] = useState('')
  const [err, setErr] = useState<string>()
  const go = (url: string) => () => void Taro.navigateTo({ url })
  const en = t.lang === 'en'

  function register() {
    const parsed = RegisterSiteInput.safeParse({ type, name, address: address || undefined })
    if (!parsed.success) return setErr(t('sf.checkFields'))
    setErr(undefined)
    void act.run('register', async () => {
      await safety.registerSite(communityId!, parsed.data, keyFor(parsed.data))
      setName('')
      setAddress('')
      void Taro.showToast({ title: t('sf.done'), icon: 'success' })
      await sites.reload()
    })
  }

  if (loadingMe || loading) return <Page title='sf.sitesTitle'><Loading /></Page>
  if (!current) return <Page title='sf.sitesTitle'><Empty text={t('sf.noCommunity')} /></Page>
  const q = `communityId=${current.id}`
  return (
    <Page title='sf.sitesTitle'>
      <CommunityPicker worked={worked} current={current} pick={pick} />
      <Section>
        <LinkRow title={t('sf.entry.hazards')} onClick={go(`/packages/safety/hazards/index?${q}`)} testId='sf-entry-hazards' />
        <LinkRow title={t('sf.entry.shops')} onClick={go(`/packages/safety/shops/index?${q}`)} testId='sf-entry-shops' />
        <LinkRow title={t('sf.report')} onClick={go(`/packages/safety/report/index?${q}`)} testId='sf-entry-report' />
      </Section>
      <Section title={`${t('sf.sitesTitle')} · ${current.name}`}>
        <Async q={sites} empty={(d) => (d.items.length ? false : t('sf.noSites'))}>
          {(d) => (
            <View data-testid='sf-sites'>
              {d.items.map((s) => (
                <View key={s.id} className='card' data-testid={`sf-site-${s.id}`}>
                  <View className='row wrap gap'>
                    <Tag tone='brand'>{en ? siteTypeDefs[s.type].en : siteTypeDefs[s.type].zh}</Tag>
                    {s.openHazards ? <Tag tone='bad'>{t('sf.openHazards', { n: s.openHazards })}</Tag> : null}
                  </View>
                  <Text className='card-title'>{s.name}</Text>
                  {s.address ? <Text className='small muted block'>{s.address}</Text> : null}
                  <Text className='small muted block'>{s.lastInspectedAt ? t('sf.lastInspected', { d: fmtDateTime(s.lastInspectedAt, t.lang) }) : t('sf.neverInspected')}</Text>
                  <Btn kind='primary' block onClick={go(`/packages/safety/inspect/index?siteId=${s.id}`)} testId={`sf-inspect-${s.id}`} label={`${t('sf.inspect')} ${s.name}`}>
                    {t('sf.inspect')}
                  </Btn>
                </View>
              ))}
            </View>
          )}
        </Async>
      </Section>
      {current.keeper ? (
        <Section title={t('sf.registerSite')}>
          <Field label={t('sf.siteType')}>
            <View className='row wrap gap'>
              {siteTypes.map((st) => (
                <Chip key={st} selected={type === st} onClick={() => setType(st)} testId={`sf-type-${st}`}>
                  {en ? siteTypeDefs[st].en : siteTypeDefs[st].zh}
                </Chip>
              ))}
            </View>
          </Field>
          <Field label={t('sf.siteName')} error={err}>
            <TextInput label={t('sf.siteName')} value={name} onInput={setName} testId='sf-site-name' maxlength={40} />
          </Field>
          <Field label={t('sf.address')}>
            <TextInput label={t('sf.address')} value={address} onInput={setAddress} testId='sf-site-address' maxlength={80} />
          </Field>
          <Btn kind='primary' block loading={act.busy === 'register'} onClick={register} testId='sf-site-register'>
            {t('sf.registerSite')}
          </Btn>
          {act.error ? <ErrorState error={act.error} /> : null}
        </Section>
      ) : null}
    </Page>
  )
}
