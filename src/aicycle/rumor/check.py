def check(*a, **k): raise NotImplementedError
