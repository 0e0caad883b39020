import { registerMessages } from '../../../i18n/messages'
import { reliefMessages } from '../../../i18n/relief'
import { reliefRegistryMessages } from '../../../i18n/reliefRegistry'

/**
 * Relief's texts and the registry's join the message table when this subpackage loads: every page imports this
 * module first, so they are there before any page renders, and the main package does not carry them.
 */
registerMessages(reliefMessages)
registerMessages(reliefRegistryMessages)
