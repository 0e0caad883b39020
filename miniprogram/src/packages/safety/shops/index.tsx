import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { RegisterShopInput, type Shop } from '@shared/safety/schemas'
import { useWorkedCommunity } from '../lib/community'
import { CommunityPicker } from '../lib/CommunityPicker'
import { Page } from '../../../components/Page'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { Async, Btn, Chip, Empty, ErrorState, Field, Loading, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useAction } from '../../../hooks/useAction'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { chinaDay, fmtDate } from '../../../lib/format'
import { safety, useSafetyShops } from '../../../hooks/safety'

function percent(rate: number | undefined): string {
  if (rate === undefined) return '—'
  const p = Math.round(rate * 1000) / 10
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`
}

/**
 * 门前三包: a community's street-front shops with the year's agreement (unsigned first) and the signing rate; a shop's
 * signing is recorded once a year (date, photo of the signed agreement). Community workers and officers register shops.
 */
export default function ShopsPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const { worked, current, pick, loading } = useWorkedCommunity(me, useRouter().params.communityId)
  const thisYear = Number(chinaDay(0).slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const communityId = current?.id
  const shops = useSafetyShops(communityId, year)
  const [signing, setSigning] = useState<string>()
  const act = useAction()
  const keyFor = useAttemptKey()
  const [name, setName] = useState('')
  const [address, setAddress] = useState('')
  const [owner, setOwner] = useState('')
  const [err, setErr] = useState<string>()

  function register() {
    const parsed = RegisterShopInput.safeParse({ name, address: address || undefined, owner: owner || undefined })
    if (!parsed.success) return setErr(t('sf.checkFields'))
    setErr(undefined)
    void act.run('register', async () => {
      await safety.registerShop(communityId!, parsed.data, keyFor(parsed.data))
      setName('')
      setAddress('')
      setOwner('')
      void Taro.showToast({ title: t('sf.done'), icon: 'success' })
      await shops.reload()
    })
  }

  if (loadingMe || loading) return <Page title='sf.shopsTitle'><Loading /></Page>
  if (!current) return <Page title='sf.shopsTitle'><Empty text={t('sf.noCommunity')} /></Page>
  return (
    <Page title='sf.shopsTitle'>
      <CommunityPicker worked={worked} current={current} pick={pick} />
      <View className='tabs row'>
        {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
          <Chip key={y} selected={y === year} onClick={() => setYear(y)} testId={`sf-year-${y}`}>
            {t('sf.year', { y })}
          </Chip>
        ))}
      </View>
      <Section title={`${t('sf.shopsTitle')} · ${current.name}`}>
        <Async q={shops} empty={(d) => (d.items.length ? false : t('sf.noShops'))}>
          {(d) => (
            <>
              <Text className='body block' data-testid='sf-signing-rate' {...aria({ role: 'status' })}>
                {t('sf.signingRate', { signed: d.signed, shops: d.shops, rate: percent(d.signingRate) })}
              </Text>
              <View data-testid='sf-shops'>
                {d.items.map((s) => (
                  <ShopCard
                    key={s.id}
                    s={s}
                    year={d.year}
                    open={signing === s.id}
                    onOpen={() => setSigning(signing === s.id ? undefined : s.id)}
                    onSigned={() => {
                      setSigning(undefined)
                      void shops.reload()
                    }}
                  />
                ))}
              </View>
            </>
          )}
        </Async>
      </Section>
      {current.keeper ? (
        <Section title={t('sf.registerShop')}>
          <Field label={t('sf.shopName')} error={err}>
            <TextInput label={t('sf.shopName')} value={name} onInput={setName} testId='sf-shop-name' maxlength={40} />
          </Field>
          <Field label={t('sf.address')}>
            <TextInput label={t('sf.address')} value={address} onInput={setAddress} testId='sf-shop-address' maxlength={80} />
          </Field>
          <Field label={t('sf.owner')}>
            <TextInput label={t('sf.owner')} value={owner} onInput={setOwner} testId='sf-shop-owner' maxlength={40} />
          </Field>
          <Btn kind='primary' block loading={act.busy === 'register'} onClick={register} testId='sf-shop-register'>
            {t('sf.registerShop')}
          </Btn>
          {act.error ? <ErrorState error={act.error} /> : null}
        </Section>
      ) : null}
    </Page>
  )
}

function ShopCard({ s, year, open, onOpen, onSigned }: { s: Shop; year: number; open: boolean; onOpen: () => void; onSigned: () => void }) {
  const t = useT()
  const [signedOn, setSignedOn] = useState(chinaDay(0))
  const ph = usePhotos(1)
  const act = useAction()
  const keyFor = useAttemptKey()
  function sign() {
    const body = { year, signedOn, ...(ph.keys[0] ? { photo: ph.keys[0] } : {}) }
    void act.run('sign', async () => {
      await safety.signAgreement(s.id, body, keyFor(body))
      void Taro.showToast({ title: t('sf.done'), icon: 'success' })
      onSigned()
    })
  }
  return (
    <View className='card' data-testid={`sf-shop-${s.id}`}>
      <View className='row wrap gap'>
        {s.agreement ? <Tag tone='good'>{t('sf.signed', { d: fmtDate(s.agreement.signedOn, t.lang) })}</Tag> : <Tag tone='warn'>{t('sf.unsigned')}</Tag>}
      </View>
      <Text className='card-title'>{s.name}</Text>
      {s.address ? <Text className='small muted block'>{s.address}</Text> : null}
      {!s.agreement ? (
        <Btn block onClick={onOpen} pressed={open} testId={`sf-sign-open-${s.id}`} label={`${t('sf.sign')} ${s.name}`}>
          {t('sf.sign')}
        </Btn>
      ) : null}
      {open ? (
        <View>
          <Field label={t('sf.signedOn')} hint='YYYY-MM-DD'>
            <TextInput label={t('sf.signedOn')} value={signedOn} onInput={setSignedOn} testId='sf-signed-on' maxlength={10} />
          </Field>
          <Field label={t('sf.agreementPhoto')}>
            <PhotoField ph={ph} testId='sf-agreement' />
          </Field>
          <Btn kind='primary' block loading={act.busy === 'sign'} disabled={ph.busy} onClick={sign} testId='sf-sign-submit'>
            {t('sf.sign')}
          </Btn>
          {act.error ? <ErrorState error={act.error} /> : null}
        </View>
      ) : null}
    </View>
  )
}
