#!/bin/sh
# assets/examples/way-in.sh OUT.png — draws the example floor plan that
# config/examples/with-map.yaml shows (config/examples/way-in.png): the
# way from the entrance to reception and the quiet room, in the default
# theme's colours, with words large enough to read on a 7" panel.
# ImageMagick; drawn for these screens by the project (licence: as the
# repository, see assets/README.md).
set -eu
out=${1:-way-in.png}
convert -size 1200x600 xc:'#F4F1EA' \
	-stroke '#1B2340' -strokewidth 6 -fill none -draw "rectangle 40,40 1160,560" \
	-stroke none -fill '#D9D4C7' -draw "rectangle 46,250 1154,350" \
	-fill '#F2B705' -draw "rectangle 46,46 460,250" \
	-fill '#9CC3A8' -draw "rectangle 760,46 1154,250" \
	-fill '#B9C7E0' -draw "rectangle 760,350 1154,554" \
	-fill '#1B2340' -draw "rectangle 520,546 680,560" \
	-fill '#1B2340' -draw "polygon 600,365 565,420 588,420 588,520 612,520 612,420 635,420" \
	-draw "circle 600,520 600,502" \
	-font DejaVu-Sans-Bold -pointsize 48 -fill '#1B2340' \
	-annotate +90+165 'Reception' -annotate +800+165 'Quiet room' -annotate +800+470 'Toilets' \
	-font DejaVu-Sans -pointsize 40 -annotate +470+315 'Corridor' \
	-annotate +250+515 'You are here' \
	-depth 8 -strip "$out"
