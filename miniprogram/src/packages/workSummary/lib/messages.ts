import { registerMessages } from '../../../i18n/messages'
import { workSummaryMessages } from '../../../i18n/workSummary'

/** The summary's texts join the message table when this subpackage loads, before its page renders. */
registerMessages(workSummaryMessages)
