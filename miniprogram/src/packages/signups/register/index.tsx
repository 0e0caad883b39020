import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { RegisterVolunteerInput } from '@shared/signups/schemas'
import { parseIdNumber, normalizeIdNumber } from '@shared/platform/idNumber'
import { currentVolunteerIdConsentVersion, volunteerIdConsentTexts } from '@shared/signups/consent'
import { Page } from '../../../components/Page'
import { Btn, Chip, ErrorState, Field, Loading, Section, TextInput } from '../../../components/ui'
import { aria, isH5 } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { translate } from '../../../i18n/translate'
import type { MessageKey } from '../../../i18n/messages'
import { useQuery } from '../../../hooks/useQuery'
import { useAction } from '../lib/util'
import { signups } from '../../../hooks/signups'

const skillChoices = ['companionship', 'meals', 'repairs', 'haircut', 'languages', 'medical', 'arts', 'patrol'] as const
const slots = ['weekdayDaytime', 'weekdayEvening', 'weekendDaytime', 'weekendEvening'] as const

/**
 * Registering as a volunteer: real name, the phone number WeChat vouches for, skills, when one is free, and optionally
 * the ID number the certificate of hours states (checked here as relief's apply page checks it, with its own consent;
 * never shown back in full: the page only ever has the masked form).
 */
export default function RegisterVolunteerPage() {
  const t = useT()
  const q = useQuery(() => signups.myVolunteer(), [])
  const [name, setName] = useState('')
  const [phoneCode, setPhoneCode] = useState('')
  const [typedPhone, setTypedPhone] = useState('')
  const [skills, setSkills] = useState<string[]>([])
  const [availability, setAvailability] = useState<string[]>([])
  const [birth, setBirth] = useState('')
  const [birthYear, setBirthYear] = useState<number>()
  const [idNumber, setIdNumber] = useState('')
  const [idConsent, setIdConsent] = useState(false)
  const [removeId, setRemoveId] = useState(false)
  const [missing, setMissing] = useState<string>()
  const act = useAction()

  useEffect(() => {
    const v = q.data?.volunteer
    if (v) {
      setName(v.realName)
      // skills are stored as the words chosen; map them back to the chips
      setSkills(skillChoices.filter((k) => (['zh', 'en'] as const).some((l) => v.skills.includes(translate(`su.skill.${k}`, l, false)))))
      setAvailability(v.availability)
      // only the birth year is kept (a date beside the ID number's mask would be the whole number): typed again to change it
      setBirthYear(v.birthYear)
    }
  }, [q.data])

  const toggle = (list: string[], set: (l: string[]) => void, v: string) => set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v])

  const submit = () =>
    act.run('save', async () => {
      // in the browser (the local stack) a typed number goes to the WeChat stand-in as `phone:<number>`
      const code = isH5 ? (/^1\d{10}$/.test(typedPhone.trim()) ? `phone:${typedPhone.trim()}` : typedPhone.trim()) : phoneCode
      if (name.trim().length < 2) return setMissing(t('su.reg.nameMissing'))
      if (!code) return setMissing(t('su.reg.phoneMissing'))
      if (birth.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(birth.trim())) return setMissing(t('su.reg.birthInvalid'))
      const typedId = idNumber.trim() ? normalizeIdNumber(idNumber) : ''
      const idProblem = typedId ? parseIdNumber(typedId) : undefined
      if (idProblem && !idProblem.ok) return setMissing(t(`su.reg.idInvalid.${idProblem.problem}` as MessageKey))
      if (typedId && !idConsent) return setMissing(t('su.reg.idConsentMissing'))
      setMissing(undefined)
      const body: RegisterVolunteerInput = {
        realName: name.trim(),
        phoneCode: code,
        skills: skills.map((s) => translate(`su.skill.${s as (typeof skillChoices)[number]}`, 'zh', false)),
        availability: availability as RegisterVolunteerInput['availability'],
        birthDate: birth.trim() || undefined,
        // a typed number replaces what is on file; nothing typed keeps it; null deletes it
        ...(typedId ? { idNumber: typedId, idNumberConsent: currentVolunteerIdConsentVersion } : removeId ? { idNumber: null } : {}),
      }
      await signups.registerVolunteer(body)
      void Taro.showToast({ title: t('su.reg.done'), icon: 'success' })
      void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/volunteer/index' }))
    })

  if (q.loading && !q.data) return <Page title='su.reg.title'><Loading /></Page>
  const registered = q.data?.volunteer
  const idCheck = idNumber.trim() ? parseIdNumber(idNumber) : undefined
  const consentText = volunteerIdConsentTexts[currentVolunteerIdConsentVersion]

  return (
    <Page title='su.reg.title'>
      <Section>
        <Text className='body block'>{t('su.reg.intro')}</Text>
        {registered ? <Text className='small muted block'>{t('su.vol.registeredAs', { name: registered.realName, phone: registered.phoneMasked })}</Text> : null}
        <Field label={t('su.reg.name')}>
          <TextInput label={t('su.reg.name')} value={name} onInput={setName} testId='vol-name' maxlength={20} />
        </Field>
        <Field label={t('su.reg.phone')} hint={isH5 ? t('su.reg.phoneHintH5') : t('su.reg.phoneHint')}>
          {isH5 ? (
            <TextInput label={t('su.reg.phone')} value={typedPhone} onInput={setTypedPhone} testId='vol-phone' maxlength={40} />
          ) : (
            <Button
              className='btn btn-plain'
              openType='getPhoneNumber'
              onGetPhoneNumber={(e) => {
                const code = (e.detail as { code?: string }).code
                if (code) setPhoneCode(code)
              }}
              data-testid='vol-phone-button'
            >
              {phoneCode ? `✓ ${t('su.reg.phoneGot')}` : t('su.reg.phoneButton')}
            </Button>
          )}
        </Field>
        <Field label={t('su.reg.skills')}>
          <View className='row'>
            {skillChoices.map((s) => (
              <Chip key={s} selected={skills.includes(s)} onClick={() => toggle(skills, setSkills, s)} testId={`vol-skill-${s}`}>
                {t(`su.skill.${s}`)}
              </Chip>
            ))}
          </View>
        </Field>
        <Field label={t('su.reg.availability')}>
          <View className='row'>
            {slots.map((s) => (
              <Chip key={s} selected={availability.includes(s)} onClick={() => toggle(availability, setAvailability, s)} testId={`vol-avail-${s}`}>
                {t(`su.slot.${s}`)}
              </Chip>
            ))}
          </View>
        </Field>
        <Field label={t('su.reg.birth')} hint={t('su.reg.birthHint')}>
          <TextInput label={t('su.reg.birth')} value={birth} onInput={setBirth} testId='vol-birth' placeholder={birthYear ? `${birthYear}-**-**` : '1960-05-01'} maxlength={10} />
        </Field>
        <Field label={t('su.reg.idNumber')} hint={t('su.reg.idNumberHint')} error={idCheck && !idCheck.ok ? t(`su.reg.idInvalid.${idCheck.problem}` as MessageKey) : undefined}>
          {registered?.maskedIdNumber && !removeId ? (
            <Text className='small muted block' data-testid='vol-id-on-file'>
              {t('su.reg.idNumberOnFile', { masked: registered.maskedIdNumber })}
            </Text>
          ) : null}
          {removeId ? (
            <Text className='small muted block' data-testid='vol-id-removing'>
              {t('su.reg.idNumberRemoving')}
            </Text>
          ) : (
            <TextInput label={t('su.reg.idNumber')} value={idNumber} onInput={setIdNumber} testId='vol-id' maxlength={18} />
          )}
          {registered?.maskedIdNumber && !idNumber.trim() ? (
            <Btn small onClick={() => setRemoveId(!removeId)} pressed={removeId} testId='vol-id-remove'>
              {removeId ? t('su.reg.idNumberKeep') : t('su.reg.idNumberRemove')}
            </Btn>
          ) : null}
        </Field>
        {idNumber.trim() ? (
          <View className='field' data-testid='vol-id-consent'>
            <Text className='small block'>{t('su.reg.idConsent')}</Text>
            <Text className='small muted block' data-testid='vol-id-consent-text'>
              {t.lang === 'en' ? consentText.textEn : consentText.textZh}
            </Text>
            <Chip
              selected={idConsent}
              onClick={() => {
                setIdConsent(!idConsent)
                // the note asking for it goes once it is given
                if (!idConsent) setMissing(undefined)
              }}
              testId='vol-id-consent-agree'
            >
              {t('su.reg.idConsentAgree')}
            </Chip>
          </View>
        ) : null}
        {missing ? (
          <Text className='small error-text block' {...aria({ role: 'alert' })}>
            {missing}
          </Text>
        ) : null}
        {act.error ? <ErrorState error={act.error} /> : null}
        <Btn kind='primary' block loading={act.busy === 'save'} onClick={submit} testId='vol-submit'>
          {registered ? t('su.reg.update') : t('su.reg.submit')}
        </Btn>
      </Section>
    </Page>
  )
}
