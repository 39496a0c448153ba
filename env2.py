exec(open('/tmp/sp/env.py').read().split("cap=array")[0])
cap=array.array('h'); cap.frombytes(open('/tmp/sp/out.raw','rb').read())
w=open('/tmp/sp/pv/01-first-en-1.wav','rb').read(); pv=array.array('h'); pv.frombytes(w[44:])
ec=env(cap); ep=env(pv)
def segs(e):
    out=[];on=None
    for i,x in enumerate(e+[0]*40):
        if x>100 and on is None: on=i; last=i
        elif x>100: last=i
        elif on is not None and i-last>25: out.append((on/100,(last+1)/100)); on=None
    return out
print("preview", segs(ep)[:4]); print("capture", segs(ec)[:5])
