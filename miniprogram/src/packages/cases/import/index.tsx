import '../lib/messages'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseImport, CaseImportInput, ImportRowError } from '@shared/cases/schemas'
import { Page } from '../../../components/Page'
import { Btn, ErrorState, Section } from '../../../components/ui'
import { aria, isH5 } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import type { ApiError } from '../../../api/client'
import { cases } from '../../../hooks/cases'

const POLL_MS = 2000

type Picked = { name: string; format: 'csv' | 'xlsx'; content: string }

/** base64 of bytes, in chunks (a 5,000-row xlsx is a few hundred KB). */
function base64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/** WeChat picks the export from a chat (chooseMessageFile); a browser has a file input instead. */
async function chooseInWeapp(): Promise<Picked | undefined> {
  if (Taro.getEnv() !== Taro.ENV_TYPE.WEAPP) return undefined
  const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] })
  const f = r.tempFiles[0]
  if (!f) return undefined
  const xlsx = f.name.toLowerCase().endsWith('.xlsx')
  const fs = Taro.getFileSystemManager()
  return { name: f.name, format: xlsx ? 'xlsx' : 'csv', content: String(fs.readFileSync(f.path, xlsx ? 'base64' : 'utf8')) }
}

/**
 * 导入热线工单: a community worker (or an officer) imports the city system's export (12345 / 数字城管, CSV or xlsx).
 * Every row is checked first: one bad row and nothing is imported, and the rows, columns and reasons are listed;
 * tickets already in are skipped; the rest are written by the server's worker while this page follows it.
 */
export default function ImportPage() {
  const t = useT()
  const communityId = useRouter().params.communityId as string
  const [picked, setPicked] = useState<Picked>()
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([])
  const [sent, setSent] = useState<CaseImport>()
  const act = useAction()
  const keyFor = useAttemptKey()

  async function fromBrowser(f: File) {
    const xlsx = f.name.toLowerCase().endsWith('.xlsx')
    setPicked({ name: f.name, format: xlsx ? 'xlsx' : 'csv', content: xlsx ? base64(new Uint8Array(await f.arrayBuffer())) : await f.text() })
    setRowErrors([])
    setSent(undefined)
  }

  const run = () =>
    act.run('import', async () => {
      if (!picked) return
      setRowErrors([])
      const body: CaseImportInput = { format: picked.format, communityId, fileName: picked.name.slice(0, 120), content: picked.content }
      try {
        setSent(await cases.importTickets(body, keyFor(body)))
      } catch (e) {
        const err = e as ApiError & { details?: { errors?: ImportRowError[] } }
        if (err.code === 'IMPORT_INVALID') {
          setRowErrors(err.details?.errors ?? [])
          return
        }
        throw e
      }
    })

  useEffect(() => {
    if (!sent || sent.state !== 'writing') return
    const timer = setTimeout(() => {
      cases.importState(sent.id).then(setSent, () => setSent({ ...sent }))
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [sent])

  return (
    <Page title='cs.importTitle'>
      <Section>
        <Text className='small muted block'>{t('cs.importHint')}</Text>
        {isH5 ? (
          <View className='field'>
            <Text className='label'>{t('cs.chooseFile')}</Text>
            <input
              className='rl-file'
              type='file'
              accept='.csv,text/csv,.xlsx'
              aria-label={t('cs.chooseFile')}
              data-testid='cs-import-file'
              onChange={(e) => {
                const f = e.currentTarget.files?.[0]
                if (f) void fromBrowser(f)
              }}
            />
          </View>
        ) : (
          <Btn block onClick={() => void chooseInWeapp().then((p) => p && setPicked(p), () => undefined)} testId='cs-import-file'>
            {t('cs.chooseFile')}
          </Btn>
        )}
        {picked ? <Text className='body block'>{t('cs.fileChosen', { name: picked.name })}</Text> : null}
        <Btn kind='primary' block disabled={!picked} loading={act.busy === 'import'} onClick={() => void run()} testId='cs-import-run'>
          {t('cs.importRun')}
        </Btn>
        {sent ? (
          <Text className='body block' {...aria({ role: 'status' })} data-testid={`cs-import-${sent.state}`}>
            {t(sent.state === 'done' ? 'cs.importDone' : 'cs.importWriting', { rows: sent.rows, present: sent.present, written: sent.written, toWrite: sent.toWrite })}
          </Text>
        ) : null}
        {rowErrors.length ? (
          <View data-testid='cs-import-errors' {...aria({ role: 'alert' })}>
            <Text className='body block error-text'>{t('cs.importErrors', { n: rowErrors.length })}</Text>
            {rowErrors.map((r, i) => (
              <Text key={i} className='body block error-text'>{t('cs.rowError', { row: r.row, column: r.column ?? '', message: r.message })}</Text>
            ))}
          </View>
        ) : null}
      </Section>
      {act.error ? <ErrorState error={act.error} /> : null}
    </Page>
  )
}
