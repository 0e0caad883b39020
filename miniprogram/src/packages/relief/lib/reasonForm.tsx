import { useState } from 'react'
import { View } from '@tarojs/components'
import { Btn, Field, TextInput } from '../../../components/ui'
import { useT } from '../../../i18n/useT'

/**
 * The reason asked before an audited read (the full values, a document): a field and a button, enabled from 4
 * characters as the contract wants. The reason is recorded with who and when.
 */
export function ReasonForm(props: { action: string; onSubmit: (reason: string) => void; busy?: boolean; testId: string }) {
  const t = useT()
  const [reason, setReason] = useState('')
  return (
    <View>
      <Field label={t('rl.app.revealReason')}>
        <TextInput label={t('rl.app.revealReason')} value={reason} onInput={setReason} testId={`${props.testId}-reason`} maxlength={200} />
      </Field>
      <Btn block onClick={() => props.onSubmit(reason.trim())} disabled={reason.trim().length < 4} loading={props.busy} testId={props.testId}>
        {props.action}
      </Btn>
    </View>
  )
}
