/**
 * The review controls' page script (plain inline JS, ES5, no network): per event "anomaly" / "not an anomaly"
 * buttons in the events table, a horizontal drag on the events chart to mark a missed interval, the marks kept in
 * `localStorage` under the run's key, export as NAB windows JSON (keyed by the data file name) or as
 * `start,end,label` CSV, and import of such a file. It reads its data from the variable `R` the caller defines:
 * `{ key, file, start, end, chart, events: [[start, end], ...] }`.
 *
 * A marks file names one series: the JSON by its key (the data file name, or a path ending in it); a CSV names
 * none, so its intervals must lie within the series' span. Import refuses anything else, in one line.
 * On a page whose charts are drawn lazily (`plot/lazy.ts`), the drag is hooked once the chart is drawn
 * (`lstmWhenDrawn`); the buttons are in place at once.
 */
export const REVIEW_SCRIPT = `(function(){
var box=document.getElementById('review'+R.n);if(!box)return;
var st=load(),base=null,gd=document.getElementById(R.chart);
function ms(s){s=String(s).trim().replace(' ','T');return Date.parse(s.length<=10?s+'T00:00:00Z':/Z$/.test(s)?s:s+'Z');}
function load(){try{var j=JSON.parse(localStorage.getItem(R.key)||'null');if(j&&j.v===1)return j;}catch(e){}return{v:1,ev:{},drawn:[]};}
function save(){try{localStorage.setItem(R.key,JSON.stringify(st));}catch(e){}}
function fname(k){return String(k).split(/[\\\\/]/).pop();}
function id(e){return e[0]+'|'+e[1];}
function marks(){var out=[];R.events.forEach(function(e){if(st.ev[id(e)]==='yes')out.push([e[0],e[1]]);});
st.drawn.forEach(function(d){out.push([d[0],d[1]]);});out.sort(function(a,b){return ms(a[0])-ms(b[0])||ms(a[1])-ms(b[1]);});return out;}
function q(s){return box.querySelector(s);}
function render(){var yes=0,no=0;R.events.forEach(function(e,i){var v=st.ev[id(e)];if(v==='yes')yes++;if(v==='no')no++;
var b=document.querySelectorAll('#review'+R.n+'-e'+i+' button');for(var k=0;k<b.length;k++)b[k].className=b[k].getAttribute('data-v')===v?'on':'';});
q('.review-count').textContent=(yes+no)+' of '+R.events.length+' events reviewed: '+yes+' anomal'+(yes===1?'y':'ies')+', '+no+' not; '+st.drawn.length+' interval'+(st.drawn.length===1?'':'s')+' drawn. Unmarked events count as not anomalies in the export.';
var ul=q('.review-drawn');ul.textContent='';st.drawn.forEach(function(d,i){var li=document.createElement('li');li.textContent=d[0]+' .. '+d[1]+' ';
var x=document.createElement('button');x.textContent='remove';x.onclick=function(){st.drawn.splice(i,1);save();render();};li.appendChild(x);ul.appendChild(li);});
if(gd&&base&&window.Plotly)Plotly.relayout(gd,{shapes:base.concat(st.drawn.map(function(d){return{type:'rect',xref:'x',yref:'paper',x0:d[0],x1:d[1],y0:0,y1:1,fillcolor:'rgba(37,99,235,0.2)',layer:'below',line:{width:0}};}))});}
function buttons(){var rows=document.querySelectorAll(R.table+' tbody tr'),head=document.querySelector(R.table+' thead tr');
if(head){var th=document.createElement('th');th.textContent='review';head.appendChild(th);}
R.events.forEach(function(e,i){var tr=rows[i];if(!tr)return;var td=document.createElement('td');td.id='review'+R.n+'-e'+i;td.className='review-cell';
[['yes','anomaly'],['no','not an anomaly']].forEach(function(p){var b=document.createElement('button');b.setAttribute('data-v',p[0]);b.textContent=p[1];
b.onclick=function(){var k=id(e);if(st.ev[k]===p[0])delete st.ev[k];else st.ev[k]=p[0];save();render();};td.appendChild(b);});tr.appendChild(td);});}
function snap(x0,x1){var xs=gd.data[0].x,a=ms(x0),b=ms(x1),s=null,t=null;for(var i=0;i<xs.length;i++){var m=ms(xs[i]);if(m>=a&&m<=b){if(s===null)s=xs[i];t=xs[i];}}return s===null?null:[s,t];}
function hook(){if(!gd||!gd.on||!window.Plotly)return;base=(gd.layout.shapes||[]).slice();
Plotly.relayout(gd,{dragmode:'select',selectdirection:'h'});
gd.on('plotly_selected',function(ev){if(!ev||!ev.range||!ev.range.x)return;var d=snap(ev.range.x[0],ev.range.x[1]);
Plotly.restyle(gd,{selectedpoints:[null]});Plotly.relayout(gd,{selections:[]});if(!d)return;st.drawn.push(d);save();render();});}
function file(name,text,type){var a=document.createElement('a');a.href=URL.createObjectURL(new Blob([text],{type:type}));a.download=name;
document.body.appendChild(a);a.click();setTimeout(function(){URL.revokeObjectURL(a.href);a.remove();},0);}
var stem='marks-'+fname(R.file).replace(/\\.[^.]*$/,'').replace(/[^\\w.-]/g,'_');
q('.review-json').onclick=function(){var o={};o[R.file]=marks();file(stem+'.json',JSON.stringify(o,null,1)+'\\n','application/json');};
q('.review-csv').onclick=function(){file(stem+'.csv','start,end,label\\n'+marks().map(function(m){return m[0]+','+m[1]+',anomaly\\n';}).join(''),'text/csv');};
q('.review-clear').onclick=function(){st={v:1,ev:{},drawn:[]};save();render();};
function parse(text,name){var t=text.trim(),list;
if(/^[{[]/.test(t)){var j;try{j=JSON.parse(t);}catch(e){throw new Error(name+': malformed JSON');}
if(!j||typeof j!=='object'||Array.isArray(j))throw new Error(name+': expected {"file.csv": [[start, end], ...]}');
var keys=Object.keys(j),k=keys.filter(function(k){return k===R.file||fname(k)===fname(R.file);});
if(k.length!==1)throw new Error(name+': no marks for '+R.file+' (it marks '+(keys.join(', ')||'nothing')+')');list=j[k[0]];
}else list=t.split(/\\r?\\n/).map(function(l){return l.split(',');}).filter(function(r){return r.length>=2&&!isNaN(ms(r[0]))&&!/^(0|false|no|normal)$/i.test((r[2]||'').trim());});
if(!Array.isArray(list))throw new Error(name+': not a list of [start, end] windows');
return list.map(function(r,i){var s=String(r[0]).trim(),e=String(r[1]).trim();
if(isNaN(ms(s))||isNaN(ms(e))||ms(e)<ms(s))throw new Error(name+': interval '+(i+1)+' is not a [start, end] of dates');
if(ms(e)<ms(R.start)||ms(s)>ms(R.end))throw new Error(name+': interval '+s+' .. '+e+' lies outside this series ('+R.start+' .. '+R.end+'): marks for another series?');return[s,e];});}
q('.review-import').onchange=function(){var f=this.files&&this.files[0],msg=q('.review-msg');if(!f)return;var rd=new FileReader();
rd.onload=function(){try{var list=parse(String(rd.result),f.name),n={v:1,ev:{},drawn:[]};
list.forEach(function(m){var e=R.events.filter(function(e){return ms(e[0])===ms(m[0])&&ms(e[1])===ms(m[1]);})[0];if(e)n.ev[id(e)]='yes';else n.drawn.push(m);});
st=n;save();render();msg.textContent='Imported '+list.length+' interval'+(list.length===1?'':'s')+' from '+f.name+'.';}catch(e){msg.textContent=e.message;}};rd.readAsText(f);};
(window.lstmReview=window.lstmReview||[]).push({file:R.file,marks:marks});
buttons();render();if(gd&&window.lstmWhenDrawn)lstmWhenDrawn(R.chart,function(){hook();render();});else hook();
})();`;
