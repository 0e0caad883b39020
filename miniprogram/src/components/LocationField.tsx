import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Btn, Field, TextInput } from './ui'
import { useT } from '../i18n/useT'

/** Where a matter is: the point picked (weapp's map, or the device's position) and the address typed. */
export interface Place {
  address: string
  coords?: { latitude: number; longitude: number }
}

/** The `location` of a body: the point and the address, or nothing when neither was given (the location is optional). */
export function locationOf(p: Place): { latitude?: number; longitude?: number; address?: string } | undefined {
  const address = p.address.trim()
  return p.coords || address ? { ...p.coords, address: address || undefined } : undefined
}

/**
 * The optional location of a matter: in WeChat the map picker (Taro.chooseLocation) fills the point and the address,
 * which stays editable; in a browser an address typed, with the device's position too where `h5Locate`.
 */
export function LocationField({ value, onChange, testId, error, h5Locate = false, h5AddressLabel }: {
  value: Place
  onChange: (patch: Partial<Place>) => void
  /** `${testId}-location` the picker button, `${testId}-address` the address */
  testId: string
  error?: string
  h5Locate?: boolean
  h5AddressLabel?: string
}) {
  const t = useT()
  const weapp = process.env.TARO_ENV === 'weapp'

  async function locate() {
    try {
      if (weapp) {
        const r = await Taro.chooseLocation({})
        onChange({ coords: { latitude: r.latitude, longitude: r.longitude }, address: (r.name || r.address || '').slice(0, 120) })
      } else {
        const r = await Taro.getLocation({ type: 'wgs84' })
        onChange({ coords: { latitude: r.latitude, longitude: r.longitude } })
      }
    } catch {
      /* refused or cancelled: the location stays optional */
    }
  }

  return (
    <Field label={t('submit.location')} error={error}>
      {weapp || h5Locate ? (
        <View className='row gap'>
          <Btn small onClick={locate} testId={`${testId}-location`}>
            {weapp ? t('submit.chooseLocation') : t('submit.useMyLocation')}
          </Btn>
          {value.coords ? (
            <Btn small onClick={() => onChange({ coords: undefined, address: '' })}>
              {t('submit.clearLocation')}
            </Btn>
          ) : null}
        </View>
      ) : null}
      <TextInput
        label={weapp ? t('submit.address') : (h5AddressLabel ?? t('submit.address'))}
        value={value.address}
        onInput={(v) => onChange({ address: v })}
        placeholder={t('submit.addressPlaceholder')}
        testId={`${testId}-address`}
        maxlength={120}
      />
    </Field>
  )
}
