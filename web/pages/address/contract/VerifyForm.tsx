// Verify from the browser: upload standard JSON or paste one file, pick the compiler and
// settings; the form posts to /api exactly as hardhat-verify does and polls the guid.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Outcome = { state: 'idle' } | { state: 'pending' } | { state: 'pass'; matchKind?: string } | { state: 'fail'; reason: string };

async function postApi(params: Record<string, string>) {
  const res = await fetch('/api', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() });
  return (await res.json()) as { status: string; result: string; reason?: string; matchKind?: string };
}

export function VerifyForm({ address, compilers, onVerified }: { address: string; compilers: string[]; onVerified: () => void }) {
  const { t } = useTranslation('explorer');
  const [format, setFormat] = useState<'solidity-single-file' | 'solidity-standard-json-input'>('solidity-single-file');
  const [source, setSource] = useState('');
  const [name, setName] = useState('');
  const [compiler, setCompiler] = useState(compilers[0] ?? '');
  const [optimize, setOptimize] = useState(true);
  const [runs, setRuns] = useState('200');
  const [evm, setEvm] = useState('default');
  const [args, setArgs] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  // Stop polling once the form is gone (the tab closed, or the contract turned verified).
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome({ state: 'pending' });
    try {
      const sub = await postApi({
        module: 'contract', action: 'verifysourcecode', contractaddress: address, codeformat: format, sourceCode: source, contractname: name,
        compilerversion: compiler, optimizationUsed: optimize ? '1' : '0', runs, evmversion: evm,
        ...(args.trim() ? { constructorArguements: args.trim() } : {}),
      });
      if (sub.status !== '1') return setOutcome({ state: 'fail', reason: sub.result });
      while (mounted.current) {
        await new Promise((ok) => setTimeout(ok, 800));
        const s = await (await fetch(`/api?module=contract&action=checkverifystatus&guid=${encodeURIComponent(sub.result)}`)).json() as { status: string; result: string; reason?: string; matchKind?: string };
        if (s.result === 'Pending in queue' || !mounted.current) continue;
        if (s.status === '1') {
          setOutcome({ state: 'pass', matchKind: s.matchKind });
          onVerified();
        } else setOutcome({ state: 'fail', reason: s.reason ? `${s.result}: ${s.reason}` : s.result });
        return;
      }
    } catch (err) {
      if (mounted.current) setOutcome({ state: 'fail', reason: (err as Error).message });
    }
  };

  const json = format === 'solidity-standard-json-input';
  return (
    <form className="verify-form" onSubmit={submit} data-testid="verify-form">
      <fieldset className="choice">
        <legend>{t('contract.format')}</legend>
        <label><input type="radio" name="format" checked={!json} onChange={() => setFormat('solidity-single-file')} /> {t('contract.singleFile')}</label>
        <label><input type="radio" name="format" checked={json} onChange={() => setFormat('solidity-standard-json-input')} data-testid="verify-format-json" /> {t('contract.standardJson')}</label>
      </fieldset>
      {json ? (
        <label className="field">
          <span>{t('contract.uploadJson')}</span>
          <input type="file" accept=".json,application/json" data-testid="verify-file" onChange={async (e) => setSource((await e.target.files?.[0]?.text()) ?? '')} />
        </label>
      ) : (
        <label className="field">
          <span>{t('contract.pasteSource')}</span>
          <textarea className="mono" rows={10} value={source} onChange={(e) => setSource(e.target.value)} spellCheck={false} data-testid="verify-source" />
        </label>
      )}
      <div className="field-row">
        <label className="field">
          <span>{json ? t('contract.nameQualified') : t('contract.name')}</span>
          <input className="mono" value={name} onChange={(e) => setName(e.target.value)} required spellCheck={false} autoComplete="off" data-testid="verify-name" />
        </label>
        <label className="field">
          <span>{t('contract.compiler')}</span>
          <select value={compiler} onChange={(e) => setCompiler(e.target.value)} data-testid="verify-compiler">
            {compilers.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
      </div>
      {json ? (
        <p className="muted small">{t('contract.jsonSettings')}</p>
      ) : (
        <div className="field-row">
          <label className="field field-check">
            <input type="checkbox" checked={optimize} onChange={(e) => setOptimize(e.target.checked)} data-testid="verify-optimize" /> {t('contract.optimizer')}
          </label>
          <label className="field">
            <span>{t('contract.runs')}</span>
            <input inputMode="numeric" value={runs} onChange={(e) => setRuns(e.target.value)} disabled={!optimize} data-testid="verify-runs" />
          </label>
          <label className="field">
            <span>{t('contract.evmVersion')}</span>
            <select value={evm} onChange={(e) => setEvm(e.target.value)} data-testid="verify-evm">
              {['default', 'paris', 'shanghai', 'cancun', 'prague'].map((v) => <option key={v} value={v}>{v === 'default' ? t('contract.evmDefault') : v}</option>)}
            </select>
          </label>
        </div>
      )}
      <label className="field">
        <span>{t('contract.argsOptional')}</span>
        <input className="mono" value={args} onChange={(e) => setArgs(e.target.value)} spellCheck={false} autoComplete="off" placeholder="0x…" data-testid="verify-args" />
      </label>
      <div className="verify-actions">
        <button type="submit" className="btn btn-primary" disabled={outcome.state === 'pending' || !source || !name}>
          {outcome.state === 'pending' ? t('contract.verifying') : t('contract.verify')}
        </button>
        <p role="status" aria-live="polite" data-testid="verify-outcome">
          {outcome.state === 'pass' && <span className="ok-text">{t('contract.verifyPass', { kind: t(`contract.match.${(outcome.matchKind ?? 'partial').toUpperCase()}`) })}</span>}
          {outcome.state === 'fail' && (
            <>
              <strong className="error-text">{t('contract.verifyFail')}</strong> <span className="error-detail">{outcome.reason}</span>
            </>
          )}
        </p>
      </div>
    </form>
  );
}
