// Indicator filter for the Thresholds preview site. Plain JavaScript, no libraries. Without it the
// page lists every indicator; with it, the form appears and narrows the list as you type.
;(function () {
  'use strict'
  var form = document.getElementById('th-filter')
  if (!form) return
  var text = document.getElementById('th-filter-text')
  var level = document.getElementById('th-filter-level')
  var polarity = document.getElementById('th-filter-polarity')
  var status = document.getElementById('th-filter-status')
  var empty = document.querySelector('.filter-empty')
  var groups = Array.prototype.slice.call(document.querySelectorAll('.indicator-group'))
  var total = Number(form.getAttribute('data-total')) || 0
  var items = []
  groups.forEach(function (group) {
    Array.prototype.slice.call(group.querySelectorAll('li[data-polarity]')).forEach(function (item) {
      var words = item.querySelector('.indicator-text')
      items.push({ item: item, group: group, text: fold(words ? words.textContent : item.textContent), levels: (item.getAttribute('data-levels') || '').split(' '), polarity: item.getAttribute('data-polarity') })
    })
  })

  // Lower case without accents or punctuation, so “self-esteem” matches “self esteem”.
  function fold(value) {
    return (value || '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  }

  var announce
  function apply() {
    var words = fold(text.value).split(' ').filter(Boolean)
    var wantLevel = level ? level.value : ''
    var wantPolarity = polarity ? polarity.value : ''
    var shown = 0
    var visible = new Set()
    items.forEach(function (entry) {
      var match =
        words.every(function (word) {
          return (' ' + entry.text).indexOf(' ' + word) !== -1
        }) &&
        (!wantLevel || entry.levels.indexOf(wantLevel) !== -1) &&
        (!wantPolarity || entry.polarity === wantPolarity)
      entry.item.hidden = !match
      if (match) {
        shown++
        visible.add(entry.group)
      }
    })
    groups.forEach(function (group) {
      group.hidden = !visible.has(group)
    })
    if (empty) empty.hidden = shown !== 0
    var filtered = words.length || wantLevel || wantPolarity
    var message = !filtered ? 'Showing all ' + total + ' indicators.' : shown === 0 ? 'No indicators match.' : 'Showing ' + shown + ' of ' + total + ' indicators.'
    // Wait for a pause in typing so screen readers hear one result, not one per key.
    clearTimeout(announce)
    announce = setTimeout(function () {
      status.textContent = message
    }, 400)
    var params = new URLSearchParams()
    if (text.value) params.set('q', text.value)
    if (wantLevel) params.set('level', wantLevel)
    if (wantPolarity) params.set('polarity', wantPolarity)
    var query = params.toString()
    try {
      history.replaceState(null, '', query ? '?' + query : location.pathname)
    } catch (error) {
      // Some browsers refuse this for pages opened from disk; the filter works the same.
    }
  }

  var initial = new URLSearchParams(location.search)
  text.value = initial.get('q') || ''
  if (level && initial.get('level')) level.value = initial.get('level')
  if (polarity && initial.get('polarity')) polarity.value = initial.get('polarity')
  form.hidden = false
  form.addEventListener('submit', function (event) {
    event.preventDefault()
  })
  form.addEventListener('input', apply)
  form.addEventListener('change', apply)
  apply()
})()
